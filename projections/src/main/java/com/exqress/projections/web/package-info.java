/** The projections service's admin endpoints: read-model rebuilds and their progress. */
package com.exqress.projections.web;
