// Stub for javac of org.slf4j.Logger (Minecraft 1.20.1): slf4j-api 2.0 (bundled with Minecraft 1.20.1), org/slf4j/Logger.java. Only what modforge's templates use.
package org.slf4j;

public interface Logger {
    void info(String msg);
}
