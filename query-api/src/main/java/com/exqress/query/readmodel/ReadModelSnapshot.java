package com.exqress.query.readmodel;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads several read-model tables as of one moment. The projections service changes a parcel's row, timeline
 * and disclosures in one transaction; reading them in one repeatable-read transaction shows them together,
 * never a status with the timeline of the next one.
 */
@Component
public class ReadModelSnapshot {

    private final TransactionTemplate transactions;

    public ReadModelSnapshot(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        transactions.setReadOnly(true);
        transactions.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public <T> T read(TransactionCallback<T> reads) {
        return transactions.execute(reads);
    }
}
