// Stub for javac of net.minecraft.entity.EquipmentSlot (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/EquipmentSlot.mapping. Only what modforge's templates use.
package net.minecraft.entity;

public enum EquipmentSlot {
    MAINHAND, OFFHAND, FEET, LEGS, CHEST, HEAD
}
