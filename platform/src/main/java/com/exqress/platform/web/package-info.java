/** Web plumbing every service shares: RFC 7807 problem responses and keeping blocking work off the event loop. */
package com.exqress.platform.web;
