package com.exqress.projections.readmodel;

import com.exqress.projections.ProjectionSchemas;
import com.exqress.projections.ProjectionsIntegrationTest;
import com.exqress.waybill.WaybillStory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A rebuild replays the event store into the idle copy while the serving copy keeps answering, then switches. */
class ParcelRebuildIT extends ProjectionsIntegrationTest {

    private static final List<String> TABLES = List.of("parcel", "parcel_timeline", "parcel_disclosure", "hub_throughput");

    @Autowired
    ParcelRebuilds rebuilds;
    @Autowired
    ReadModelState state;

    @Test
    void theRebuiltCopyEqualsTheLiveOneRowForRowAndTakesOverWithoutAGap() {
        WaybillStory delivered = new WaybillStory(Instant.parse("2026-11-20T08:00:00Z"));
        WaybillStory outForDelivery = new WaybillStory(Instant.parse("2026-11-21T08:00:00Z"));
        append(delivered, 0, delivered.wholeLife());
        append(outForDelivery, 0, outForDelivery.untilOutForDelivery());
        awaitServing(delivered, "DISPOSED");
        awaitServing(outForDelivery, "OUT_FOR_DELIVERY");
        ReadModelColor before = state.current().activeColor();

        RebuildProgress started = rebuilds.rebuild();

        assertThat(started.serving()).isEqualTo(before);
        assertThat(started.rebuilding()).isEqualTo(before.other());
        assertThat(servingStatus(delivered)).as("the old copy serves during the rebuild").isEqualTo("DISPOSED");
        assertThatThrownBy(rebuilds::rebuild).isInstanceOf(RebuildRefusedException.class);

        await().atMost(Duration.ofSeconds(60)).until(() -> {
            rebuilds.reconcile();
            return state.current().activeColor() == before.other();
        });
        RebuildProgress done = rebuilds.progress();
        assertThat(done.rebuilding()).isNull();
        assertThat(done.lag()).isZero();
        for (String table : TABLES) {
            assertThat(difference(before, before.other(), table)).as(table + " only in the old copy").isZero();
            assertThat(difference(before.other(), before, table)).as(table + " only in the new copy").isZero();
        }

        WaybillStory afterSwitch = new WaybillStory(Instant.parse("2026-11-22T08:00:00Z"));
        append(afterSwitch, 0, afterSwitch.untilOutForDelivery());
        awaitServing(afterSwitch, "OUT_FOR_DELIVERY");
    }

    private void awaitServing(WaybillStory story, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(servingStatus(story)).isEqualTo(status));
    }

    private String servingStatus(WaybillStory story) {
        return jdbc.queryForList("SELECT status FROM " + ProjectionSchemas.SERVING + ".parcel WHERE waybill_id = ?",
                String.class, story.waybillId().value()).stream().findFirst().orElse(null);
    }

    private long difference(ReadModelColor from, ReadModelColor minus, String table) {
        return jdbc.queryForObject("SELECT count(*) FROM (SELECT * FROM " + from.schema() + "." + table
                + " EXCEPT ALL SELECT * FROM " + minus.schema() + "." + table + ") AS missing", Long.class);
    }
}
