// Stub for javac of net.fabricmc.fabric.api.event.Event (Minecraft 1.20.1): FabricMC/fabric branch 1.20.1 (0.92.2), fabric-api-base/src/main/java/net/fabricmc/fabric/api/event/Event.java. Only what modforge's templates use.
package net.fabricmc.fabric.api.event;

public abstract class Event<T> {
    public abstract void register(T listener);
}
