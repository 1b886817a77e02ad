// Stub for javac of net.minecraft.item.ArmorMaterial (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/ArmorMaterial.mapping. Only what modforge's templates use.
package net.minecraft.item;

import net.minecraft.recipe.Ingredient;
import net.minecraft.sound.SoundEvent;

public interface ArmorMaterial {
    int getDurability(ArmorItem.Type type);
    int getProtection(ArmorItem.Type type);
    int getEnchantability();
    SoundEvent getEquipSound();
    Ingredient getRepairIngredient();
    String getName();
    float getToughness();
    float getKnockbackResistance();
}
