// Stub for javac of net.fabricmc.fabric.api.itemgroup.v1.FabricItemGroupEntries (Minecraft 1.20.1): FabricMC/fabric branch 1.20.1 (0.92.2), fabric-item-group-api-v1/src/main/java/net/fabricmc/fabric/api/itemgroup/v1/FabricItemGroupEntries.java. Only what modforge's templates use.
package net.fabricmc.fabric.api.itemgroup.v1;

import net.minecraft.item.ItemGroup;

public class FabricItemGroupEntries implements ItemGroup.Entries {
}
