package com.exqress.platform.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree hash and inclusion proofs of RFC 6962 §2.1 (Certificate Transparency), with SHA-256: the
 * hashing an auditor's own tools already implement, so a checkpoint can be checked without our code.
 *
 * <p>{@code leaf = SHA-256(0x00 || data)}, {@code node = SHA-256(0x01 || left || right)}; a list of n &gt; 1
 * leaves splits at k, the largest power of two smaller than n. The distinct prefixes keep a leaf from passing
 * for a node (second-preimage attacks).
 */
public final class MerkleTree {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleTree() {
    }

    /** The root of {@code leaves} (the data, not yet hashed); SHA-256 of nothing for no leaves, as the RFC says. */
    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return sha256().digest();
        }
        return subtreeRoot(leaves, 0, leaves.size());
    }

    /** The audit path of leaf {@code index}: sibling hashes from the leaf upwards (RFC 6962 §2.1.1). */
    public static List<byte[]> inclusionPath(List<byte[]> leaves, int index) {
        if (index < 0 || index >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leaves.size());
        }
        List<byte[]> path = new ArrayList<>();
        addPath(leaves, index, 0, leaves.size(), path);
        return path;
    }

    /**
     * Whether {@code path} proves that {@code leaf} is leaf {@code index} of a tree of {@code size} leaves whose
     * root is {@code root}: the iterative check of RFC 9162 §2.1.3.2, which RFC 6962's paths satisfy.
     */
    public static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash(leaf);
        for (byte[] sibling : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(sibling, r);
                // A left sibling found; climb past the levels where this node has no right sibling.
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha256 = sha256();
        sha256.update(LEAF_PREFIX);
        sha256.update(leaf);
        return sha256.digest();
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** MTH(D[from:to]). */
    private static byte[] subtreeRoot(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leafHash(leaves.get(from));
        }
        int split = from + largestPowerOfTwoBelow(to - from);
        return nodeHash(subtreeRoot(leaves, from, split), subtreeRoot(leaves, split, to));
    }

    /** PATH(index, D[from:to]), appended to {@code path} leaf-side first. */
    private static void addPath(List<byte[]> leaves, int index, int from, int to, List<byte[]> path) {
        if (to - from == 1) {
            return;
        }
        int split = from + largestPowerOfTwoBelow(to - from);
        if (index < split) {
            addPath(leaves, index, from, split, path);
            path.add(subtreeRoot(leaves, split, to));
        } else {
            addPath(leaves, index, split, to, path);
            path.add(subtreeRoot(leaves, from, split));
        }
    }

    /** k with k &lt; n &lt;= 2k, for n &gt; 1. */
    static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
