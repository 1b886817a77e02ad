// Stub for javac of net.minecraft.server.world.ServerWorld (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/server/world/ServerWorld.mapping. Only what modforge's templates use.
package net.minecraft.server.world;

import net.minecraft.world.World;

public class ServerWorld extends World {
}
