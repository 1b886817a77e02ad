// Stub for javac of net.fabricmc.api.ModInitializer (Minecraft 1.20.1): FabricMC/fabric-loader tag 0.15.11, src/main/java/net/fabricmc/api/ModInitializer.java. Only what modforge's templates use.
package net.fabricmc.api;

public interface ModInitializer {
    void onInitialize();
}
