// Stub for javac of net.minecraft.item.ToolItem (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/ToolItem.mapping. Only what modforge's templates use.
package net.minecraft.item;

public class ToolItem extends Item {
    public ToolItem(ToolMaterial material, Settings settings) { super(settings); throw new UnsupportedOperationException("stub"); }
}
