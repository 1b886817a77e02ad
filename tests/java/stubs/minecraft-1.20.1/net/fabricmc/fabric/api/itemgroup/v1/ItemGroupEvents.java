// Stub for javac of net.fabricmc.fabric.api.itemgroup.v1.ItemGroupEvents (Minecraft 1.20.1): FabricMC/fabric branch 1.20.1 (0.92.2), fabric-item-group-api-v1/src/main/java/net/fabricmc/fabric/api/itemgroup/v1/ItemGroupEvents.java. Only what modforge's templates use.
package net.fabricmc.fabric.api.itemgroup.v1;

import net.fabricmc.fabric.api.event.Event;
import net.minecraft.item.ItemGroup;
import net.minecraft.registry.RegistryKey;

public final class ItemGroupEvents {
    public static Event<ModifyEntries> modifyEntriesEvent(RegistryKey<ItemGroup> registryKey) { throw new UnsupportedOperationException("stub"); }

    @FunctionalInterface
    public interface ModifyEntries {
        void modifyEntries(FabricItemGroupEntries entries);
    }
}
