/** The command side: turns HTTP requests into Waybill commands and sends them to the aggregate. */
package com.exqress.command;
