package com.exqress.query.readmodel;

import com.exqress.platform.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PagingTest {

    @Test
    void aCursorGivesBackTheKeyItWasMadeOf() {
        Instant at = Instant.parse("2026-03-02T09:00:00.123456Z");
        UUID id = UUID.randomUUID();

        Cursor cursor = Cursor.parse(Cursor.of("SEL-02", at, id).token());

        assertThat(cursor.text(0)).isEqualTo("SEL-02");
        assertThat(cursor.instant(1)).isEqualTo(at);
        assertThat(cursor.uuid(2)).isEqualTo(id);
    }

    @Test
    void aTokenIsUrlSafe() {
        assertThat(Cursor.of(Instant.now(), UUID.randomUUID()).token()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aTokenThatHoldsNoSuchKeyIsTheClientsMistake() {
        assertThatThrownBy(() -> Cursor.parse("not*base64")).satisfies(PagingTest::isCursorProblem);
        Cursor routeKey = Cursor.parse(Cursor.of("SEL-02", "GGI").token());
        assertThatThrownBy(() -> routeKey.instant(0)).satisfies(PagingTest::isCursorProblem);
        assertThatThrownBy(() -> routeKey.uuid(1)).satisfies(PagingTest::isCursorProblem);
        assertThatThrownBy(() -> routeKey.text(2)).satisfies(PagingTest::isCursorProblem);
    }

    @Test
    void aPageHoldsTwentyByDefaultAndAtMostAHundred() {
        assertThat(PageRequest.of(null, null).limit()).isEqualTo(20);
        assertThat(PageRequest.of("100", null).limit()).isEqualTo(100);
        for (String limit : new String[] {"101", "0", "x", "", " 5"}) {
            assertThatThrownBy(() -> PageRequest.of(limit, null)).isInstanceOfSatisfying(ApiProblem.class,
                    problem -> assertThat(problem.fieldProblems().get(0).field()).isEqualTo("limit"));
        }
    }

    @Test
    void theExtraRowFetchedMakesTheNextCursor() {
        PageRequest two = PageRequest.of("2", null);

        Page<Integer> more = Page.of(List.of(1, 2, 3), two, number -> Cursor.of(number));
        Page<Integer> last = Page.of(List.of(1, 2), two, number -> Cursor.of(number));

        assertThat(more.items()).containsExactly(1, 2);
        assertThat(Cursor.parse(more.nextCursor()).text(0)).isEqualTo("2");
        assertThat(last.items()).containsExactly(1, 2);
        assertThat(last.nextCursor()).isNull();
    }

    private static void isCursorProblem(Throwable failure) {
        assertThat(failure).isInstanceOf(ApiProblem.class);
        assertThat(((ApiProblem) failure).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(((ApiProblem) failure).fieldProblems().get(0).field()).isEqualTo("cursor");
    }
}
