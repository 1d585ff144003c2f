/** The read models' schema and the projections that keep it converging to the event store. */
package com.exqress.projections.readmodel;
