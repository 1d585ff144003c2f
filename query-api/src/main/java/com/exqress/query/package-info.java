/** The read side's HTTP endpoints for customers, couriers, admins and auditors. */
package com.exqress.query;
