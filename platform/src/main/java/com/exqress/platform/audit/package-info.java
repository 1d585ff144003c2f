/** Merkle checkpoints over the event store: RFC 6962 tree hashing and inclusion proofs, free of any framework. */
package com.exqress.platform.audit;
