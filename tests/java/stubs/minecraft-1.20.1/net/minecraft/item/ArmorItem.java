// Stub for javac of net.minecraft.item.ArmorItem (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/ArmorItem.mapping. Only what modforge's templates use.
package net.minecraft.item;

import net.minecraft.entity.EquipmentSlot;

public class ArmorItem extends Item implements Equipment {
    public ArmorItem(ArmorMaterial material, Type type, Settings settings) { super(settings); throw new UnsupportedOperationException("stub"); }

    public EquipmentSlot getSlotType() { throw new UnsupportedOperationException("stub"); }

    public enum Type {
        HELMET, CHESTPLATE, LEGGINGS, BOOTS
    }
}
