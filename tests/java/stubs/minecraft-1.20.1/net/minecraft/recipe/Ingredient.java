// Stub for javac of net.minecraft.recipe.Ingredient (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/recipe/Ingredient.mapping. Only what modforge's templates use.
package net.minecraft.recipe;

import net.minecraft.item.ItemConvertible;

public final class Ingredient {
    public static Ingredient ofItems(ItemConvertible... items) { throw new UnsupportedOperationException("stub"); }
}
