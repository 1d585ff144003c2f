/** The Waybill's public language: commands, events and value objects shared by every service. */
package com.exqress.waybill.api;
