/** HTTP endpoints of the command side; they translate requests into commands and decide nothing. */
package com.exqress.command.web;
