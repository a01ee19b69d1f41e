package ir.hamyar.ruleset;

/** One file of a stored version: its path in the tree, its sha256 and its size in bytes. */
public record StoredFile(String path, String sha256, int size) {}
