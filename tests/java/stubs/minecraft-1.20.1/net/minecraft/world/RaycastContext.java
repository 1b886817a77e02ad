// Stub for javac of net.minecraft.world.RaycastContext (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/world/RaycastContext.mapping. Only what modforge's templates use.
package net.minecraft.world;

import net.minecraft.entity.Entity;
import net.minecraft.util.math.Vec3d;

public class RaycastContext {
    public RaycastContext(Vec3d start, Vec3d end, ShapeType shapeType, FluidHandling fluidHandling, Entity entity) { throw new UnsupportedOperationException("stub"); }

    public enum ShapeType {
        COLLIDER, OUTLINE, VISUAL, FALLDAMAGE_RESETTING
    }

    public enum FluidHandling {
        NONE, SOURCE_ONLY, ANY, WATER
    }
}
