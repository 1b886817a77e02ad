// Stub for javac of net.minecraft.item.ToolMaterial (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/ToolMaterial.mapping. Only what modforge's templates use.
package net.minecraft.item;

import net.minecraft.recipe.Ingredient;

public interface ToolMaterial {
    int getDurability();
    float getMiningSpeedMultiplier();
    float getAttackDamage();
    int getMiningLevel();
    int getEnchantability();
    Ingredient getRepairIngredient();
}
