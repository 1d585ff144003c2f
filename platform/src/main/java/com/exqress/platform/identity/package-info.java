/**
 * Who is calling and who exists: {@link com.exqress.platform.identity.ActorResolver} turns a request into the
 * acting {@link com.exqress.waybill.api.Actor}; {@link com.exqress.platform.identity.AccountDirectory} finds
 * other accounts (a courier to hand off to, a recipient's account).
 */
package com.exqress.platform.identity;
