package com.exqress.platform.audit;

import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class MerkleTreeTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The leaves and roots of Certificate Transparency's own test data (certificate-transparency-go, RFC 6962). */
    private static final List<byte[]> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243",
            "5051525354555657", "606162636465666768696a6b6c6d6e6f").stream().map(HEX::parseHex).toList();
    private static final List<String> CT_ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsMatchCertificateTransparencysTestVectors() {
        for (int size = 1; size <= CT_LEAVES.size(); size++) {
            assertThat(HEX.formatHex(MerkleTree.root(CT_LEAVES.subList(0, size)))).as("size %d", size)
                    .isEqualTo(CT_ROOTS.get(size - 1));
        }
    }

    @Test
    void theEmptyTreeIsTheHashOfNothing() {
        assertThat(HEX.formatHex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void rootsSplitAtTheLargestPowerOfTwoBelowTheSize() {
        List<byte[]> d = chainHashes(7);
        assertThat(MerkleTree.root(d.subList(0, 1))).isEqualTo(leaf(d, 0));
        assertThat(MerkleTree.root(d.subList(0, 2))).isEqualTo(node(leaf(d, 0), leaf(d, 1)));
        assertThat(MerkleTree.root(d.subList(0, 3))).isEqualTo(node(node(leaf(d, 0), leaf(d, 1)), leaf(d, 2)));
        byte[] firstFour = node(node(leaf(d, 0), leaf(d, 1)), node(leaf(d, 2), leaf(d, 3)));
        assertThat(MerkleTree.root(d.subList(0, 5))).isEqualTo(node(firstFour, leaf(d, 4)));
        assertThat(MerkleTree.root(d)).isEqualTo(node(firstFour, node(node(leaf(d, 4), leaf(d, 5)), leaf(d, 6))));
    }

    @Test
    void leavesAndNodesAreHashedWithDistinctPrefixes() {
        byte[] data = HEX.parseHex("ab");
        assertThat(MerkleTree.leafHash(data)).isEqualTo(sha256(HEX.parseHex("00ab")));
        assertThat(MerkleTree.nodeHash(data, data)).isEqualTo(sha256(HEX.parseHex("01abab")));
    }

    @Test
    void theAuditPathOfALeafInSevenListsItsSiblingsFromTheLeafUp() {
        List<byte[]> d = chainHashes(7);
        // Leaf 4 of 7: its sibling 5, then leaf 6, then the root of the first four.
        assertThat(MerkleTree.inclusionPath(d, 4)).containsExactly(leaf(d, 5), leaf(d, 6),
                node(node(leaf(d, 0), leaf(d, 1)), node(leaf(d, 2), leaf(d, 3))));
        assertThat(MerkleTree.inclusionPath(d, 6)).containsExactly(node(leaf(d, 4), leaf(d, 5)),
                MerkleTree.root(d.subList(0, 4)));
        assertThat(MerkleTree.inclusionPath(d.subList(0, 1), 0)).isEmpty();
    }

    @Test
    void everyLeafOfEveryTreeUpToTwentyOneLeavesProvesItsInclusion() {
        for (int size = 1; size <= 21; size++) {
            List<byte[]> leaves = chainHashes(size);
            byte[] root = MerkleTree.root(leaves);
            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.inclusionPath(leaves, index);
                assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, path, root))
                        .as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void aWrongLeafIndexSizePathOrRootFailsTheProof() {
        List<byte[]> leaves = chainHashes(13);
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> path = MerkleTree.inclusionPath(leaves, 9);
        byte[] leaf = leaves.get(9);

        assertThat(MerkleTree.verifyInclusion(leaves.get(8), 9, 13, path, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 8, 13, path, root)).isFalse();
        // A size that gives the leaf a differently shaped path (14 would not: the signed root binds the size).
        assertThat(MerkleTree.verifyInclusion(leaf, 9, 10, path, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 9, 13, path.subList(0, path.size() - 1), root)).isFalse();
        List<byte[]> longer = new ArrayList<>(path);
        longer.add(root);
        assertThat(MerkleTree.verifyInclusion(leaf, 9, 13, longer, root)).isFalse();
        List<byte[]> flipped = new ArrayList<>(path);
        flipped.set(1, flipByte(flipped.get(1)));
        assertThat(MerkleTree.verifyInclusion(leaf, 9, 13, flipped, root)).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 9, 13, path, flipByte(root))).isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, 13, 13, path, root)).isFalse();
    }

    /** Leaves shaped like the events' chainHash values: 32 bytes each. */
    private static List<byte[]> chainHashes(int count) {
        return IntStream.range(0, count).mapToObj(i -> sha256(new byte[]{(byte) i})).toList();
    }

    private static byte[] leaf(List<byte[]> leaves, int index) {
        return sha256(concat(new byte[]{0}, leaves.get(index)));
    }

    private static byte[] node(byte[] left, byte[] right) {
        return sha256(concat(new byte[]{1}, concat(left, right)));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] flipByte(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[0] ^= 1;
        return copy;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
