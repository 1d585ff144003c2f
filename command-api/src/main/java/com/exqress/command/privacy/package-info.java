/**
 * Disposal on the command side: the waybill's data key is destroyed in the transaction that records its
 * disposal, so a disposal that was answered 2xx has made the personal data unreadable.
 */
package com.exqress.command.privacy;
