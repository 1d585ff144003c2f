/** HTTP read endpoints; they answer from the event store or read models and never send commands. */
package com.exqress.query.web;
