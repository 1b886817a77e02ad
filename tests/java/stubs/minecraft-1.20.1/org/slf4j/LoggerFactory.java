// Stub for javac of org.slf4j.LoggerFactory (Minecraft 1.20.1): slf4j-api 2.0 (bundled with Minecraft 1.20.1), org/slf4j/LoggerFactory.java. Only what modforge's templates use.
package org.slf4j;

public final class LoggerFactory {
    public static Logger getLogger(String name) { throw new UnsupportedOperationException("stub"); }
}
