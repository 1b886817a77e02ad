// Stub for javac of net.minecraft.item.FoodComponent (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/FoodComponent.mapping. Only what modforge's templates use.
package net.minecraft.item;

import net.minecraft.entity.effect.StatusEffectInstance;

public class FoodComponent {
    public static class Builder {
        public Builder hunger(int hunger) { throw new UnsupportedOperationException("stub"); }
        public Builder saturationModifier(float saturationModifier) { throw new UnsupportedOperationException("stub"); }
        public Builder statusEffect(StatusEffectInstance effect, float chance) { throw new UnsupportedOperationException("stub"); }
        public Builder alwaysEdible() { throw new UnsupportedOperationException("stub"); }
        public FoodComponent build() { throw new UnsupportedOperationException("stub"); }
    }
}
