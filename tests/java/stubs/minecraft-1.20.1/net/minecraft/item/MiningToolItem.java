// Stub for javac of net.minecraft.item.MiningToolItem (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/MiningToolItem.mapping (its constructor also takes the block tag, which the subclasses pass). Only what modforge's templates use.
package net.minecraft.item;

public class MiningToolItem extends ToolItem {
    protected MiningToolItem(float attackDamage, float attackSpeed, ToolMaterial material, Settings settings) { super(material, settings); throw new UnsupportedOperationException("stub"); }
}
