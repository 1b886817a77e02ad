// Stub for javac of net.minecraft.world.World (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/world/World.mapping (isClient is declared in mappings/net/minecraft/world/WorldView.mapping, spawnEntity in ModifiableWorld.mapping, getEntitiesByClass in EntityView.mapping, raycast in BlockView.mapping: declared here, in the class that inherits them). Only what modforge's templates use.
package net.minecraft.world;

import java.util.List;
import java.util.function.Predicate;
import net.minecraft.entity.Entity;
import net.minecraft.util.hit.BlockHitResult;
import net.minecraft.util.math.Box;

public abstract class World {
    public boolean isClient() { throw new UnsupportedOperationException("stub"); }
    public boolean spawnEntity(Entity entity) { throw new UnsupportedOperationException("stub"); }
    public <T extends Entity> List<T> getEntitiesByClass(Class<T> entityClass, Box box, Predicate<? super T> predicate) { throw new UnsupportedOperationException("stub"); }
    public BlockHitResult raycast(RaycastContext context) { throw new UnsupportedOperationException("stub"); }
}
