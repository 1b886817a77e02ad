// Stub for javac of net.minecraft.item.Item (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/Item.mapping. Only what modforge's templates use.
package net.minecraft.item;

import net.minecraft.entity.Entity;
import net.minecraft.entity.LivingEntity;
import net.minecraft.entity.player.PlayerEntity;
import net.minecraft.util.Hand;
import net.minecraft.util.TypedActionResult;
import net.minecraft.world.World;

public class Item implements ItemConvertible {
    public Item(Settings settings) { throw new UnsupportedOperationException("stub"); }

    public Item asItem() { throw new UnsupportedOperationException("stub"); }
    public TypedActionResult<ItemStack> use(World world, PlayerEntity user, Hand hand) { throw new UnsupportedOperationException("stub"); }
    public boolean postHit(ItemStack stack, LivingEntity target, LivingEntity attacker) { throw new UnsupportedOperationException("stub"); }
    public void inventoryTick(ItemStack stack, World world, Entity entity, int slot, boolean selected) { throw new UnsupportedOperationException("stub"); }
    public void onStoppedUsing(ItemStack stack, World world, LivingEntity user, int remainingUseTicks) { throw new UnsupportedOperationException("stub"); }
    public boolean hasGlint(ItemStack stack) { throw new UnsupportedOperationException("stub"); }

    public static class Settings {
        public Settings maxCount(int maxCount) { throw new UnsupportedOperationException("stub"); }
        public Settings maxDamage(int maxDamage) { throw new UnsupportedOperationException("stub"); }
        public Settings food(FoodComponent foodComponent) { throw new UnsupportedOperationException("stub"); }
    }
}
