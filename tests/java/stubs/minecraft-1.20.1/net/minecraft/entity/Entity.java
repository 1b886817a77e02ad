// Stub for javac of net.minecraft.entity.Entity (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/Entity.mapping (getBoundingBox is declared in mappings/net/minecraft/world/entity/EntityLike.mapping). Only what modforge's templates use.
package net.minecraft.entity;

import net.minecraft.util.math.Box;
import net.minecraft.util.math.Vec3d;
import net.minecraft.world.World;

public abstract class Entity {
    public int age;
    public float fallDistance;

    public World getWorld() { throw new UnsupportedOperationException("stub"); }
    public double getX() { throw new UnsupportedOperationException("stub"); }
    public double getY() { throw new UnsupportedOperationException("stub"); }
    public double getZ() { throw new UnsupportedOperationException("stub"); }
    public double getEyeY() { throw new UnsupportedOperationException("stub"); }
    public Vec3d getPos() { throw new UnsupportedOperationException("stub"); }
    public Vec3d getEyePos() { throw new UnsupportedOperationException("stub"); }
    public final Vec3d getRotationVec(float tickDelta) { throw new UnsupportedOperationException("stub"); }
    public final Box getBoundingBox() { throw new UnsupportedOperationException("stub"); }
    public void setPosition(double x, double y, double z) { throw new UnsupportedOperationException("stub"); }
    public void refreshPositionAfterTeleport(Vec3d pos) { throw new UnsupportedOperationException("stub"); }
    public void requestTeleport(double destX, double destY, double destZ) { throw new UnsupportedOperationException("stub"); }
    public void setOnFireFor(int seconds) { throw new UnsupportedOperationException("stub"); }
    public void setFrozenTicks(int frozenTicks) { throw new UnsupportedOperationException("stub"); }
    public int getMinFreezeDamageTicks() { throw new UnsupportedOperationException("stub"); }
}
