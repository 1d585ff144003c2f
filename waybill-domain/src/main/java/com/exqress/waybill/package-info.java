/** The event-sourced Waybill aggregate and the ports it needs; free of Spring, JDBC and Kafka. */
package com.exqress.waybill;
