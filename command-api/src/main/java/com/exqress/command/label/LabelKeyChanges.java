package com.exqress.command.label;

import com.exqress.platform.notices.PostgresNotices;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * Takes up the label keys another service rotated or retired as soon as the change commits, so a label printed
 * there verifies here too. After reconnecting it reloads them all, since a change announced meanwhile was missed.
 */
class LabelKeyChanges extends PostgresNotices {

    private final LabelKeyRotation rotation;

    LabelKeyChanges(DataSourceProperties dataSource, LabelKeyRotation rotation) {
        super(dataSource, StoredLabelKeys.CHANGED_CHANNEL, "exqress-label-key-changes");
        this.rotation = rotation;
    }

    @Override
    protected void onNotice(String payload) {
        rotation.reload();
    }

    @Override
    protected void onListening() {
        rotation.reload();
    }
}
