package com.exqress.waybill.api;

/** The box itself: weight and outer dimensions. */
public record Parcel(int weightGrams, int lengthCm, int widthCm, int heightCm) {

    public Parcel {
        if (weightGrams <= 0 || lengthCm <= 0 || widthCm <= 0 || heightCm <= 0) {
            throw new IllegalArgumentException("weight and dimensions must be positive");
        }
    }
}
