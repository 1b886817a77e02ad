// Stub for javac of net.minecraft.item.ItemGroup (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/ItemGroup.mapping. Only what modforge's templates use.
package net.minecraft.item;

public final class ItemGroup {
    public interface Entries {
        default void add(ItemConvertible item) { throw new UnsupportedOperationException("stub"); }
    }
}
