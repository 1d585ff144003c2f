package com.exqress.query.customer;

import com.exqress.platform.web.ApiProblem;

/** Which of a customer's parcels a list shows: those they sent or those sent to them. */
public enum Direction {
    SENT("sent", "sender_account"),
    RECEIVED("received", "recipient_account");

    private final String parameter;
    private final String accountColumn;

    Direction(String parameter, String accountColumn) {
        this.parameter = parameter;
        this.accountColumn = accountColumn;
    }

    /** Query parameter {@code direction}; it is required, because neither list is the obvious one. */
    public static Direction parse(String value) {
        for (Direction direction : values()) {
            if (direction.parameter.equals(value)) {
                return direction;
            }
        }
        throw ApiProblem.invalidField("direction", "must be sent or received");
    }

    /** The read-model column that holds the customer's account for this direction. */
    String accountColumn() {
        return accountColumn;
    }
}
