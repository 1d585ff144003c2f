/**
 * Crypto-shredding. Every {@link com.exqress.waybill.api.PersonalData} value in a stored event is sealed with
 * AES-256-GCM under a data key of its own waybill ({@link DataKeys}), which a master key wraps ({@link MasterKeys});
 * the master key never enters the database. Destroying a waybill's data key on disposal makes its personal data
 * unreadable in every copy of the events, backups included, while the stored bytes, and so the hash chain over
 * them, stay as they were. Sealed values read back as {@code [erased]} from then on.
 */
package com.exqress.platform.privacy;
