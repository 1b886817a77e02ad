// Stub for javac of net.minecraft.item.Equipment (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/Equipment.mapping. Only what modforge's templates use.
package net.minecraft.item;

import net.minecraft.entity.EquipmentSlot;

public interface Equipment {
    EquipmentSlot getSlotType();
}
