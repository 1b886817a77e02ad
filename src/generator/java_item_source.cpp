// Writing the item class: a base per kind, a snippet per ability.
#include "java_item_source.hpp"

#include <cstdio>
#include <set>

#include "abilities.hpp"
#include "java_source.hpp"
#include "materials.hpp"
#include "tiers.hpp"

namespace modforge
{
  namespace
  {
    typedef std::set<std::string> imports;

    // The statements each ability adds to its trigger's method: `target` and `attacker` in
    // postHit, `world` and `user` in use, `arrow` for a bow's arrow. ABILITY_LEVEL is 1-3.
    struct ability_code
    {
      const char* ability;
      const char* hit;       // postHit
      const char* arrow;     // a bow's freshly shot arrow
      const char* use;       // use, on the server
      const char* helper;    // the helper method the statement calls, or nullptr
      const char* uses;      // the classes the statements name, space separated
    };

    const ability_code codes[] = {
      {"set_fire", "target.setOnFireFor(4 * ABILITY_LEVEL);", "arrow.setOnFireFor(100);",
       nullptr, nullptr, ""},
      {"freeze",
       "target.addStatusEffect(new StatusEffectInstance(StatusEffects.SLOWNESS, 60 * ABILITY_LEVEL, ABILITY_LEVEL - 1));\n"
       "target.setFrozenTicks(target.getMinFreezeDamageTicks() + 40 * ABILITY_LEVEL);",
       "if (arrow instanceof ArrowEntity tipped) {\n"
       "    tipped.addEffect(new StatusEffectInstance(StatusEffects.SLOWNESS, 60 * ABILITY_LEVEL, ABILITY_LEVEL - 1));\n"
       "}",
       nullptr, nullptr,
       "net.minecraft.entity.effect.StatusEffectInstance net.minecraft.entity.effect.StatusEffects"},
      {"lightning", "strikeLightning(target);", nullptr, nullptr, "strikeLightning",
       "net.minecraft.entity.EntityType net.minecraft.entity.LightningEntity "
       "net.minecraft.server.world.ServerWorld"},
      {"knockback",
       "target.takeKnockback(0.5 * ABILITY_LEVEL, attacker.getX() - target.getX(), attacker.getZ() - target.getZ());",
       "arrow.setPunch(ABILITY_LEVEL);", nullptr, nullptr, ""},
      {"poison",
       "target.addStatusEffect(new StatusEffectInstance(StatusEffects.POISON, 100 * ABILITY_LEVEL, ABILITY_LEVEL - 1));",
       "if (arrow instanceof ArrowEntity tipped) {\n"
       "    tipped.addEffect(new StatusEffectInstance(StatusEffects.POISON, 100 * ABILITY_LEVEL, ABILITY_LEVEL - 1));\n"
       "}",
       nullptr, nullptr,
       "net.minecraft.entity.effect.StatusEffectInstance net.minecraft.entity.effect.StatusEffects"},
      {"wither",
       "target.addStatusEffect(new StatusEffectInstance(StatusEffects.WITHER, 60 * ABILITY_LEVEL, ABILITY_LEVEL - 1));",
       "if (arrow instanceof ArrowEntity tipped) {\n"
       "    tipped.addEffect(new StatusEffectInstance(StatusEffects.WITHER, 60 * ABILITY_LEVEL, ABILITY_LEVEL - 1));\n"
       "}",
       nullptr, nullptr,
       "net.minecraft.entity.effect.StatusEffectInstance net.minecraft.entity.effect.StatusEffects"},
      {"heal", nullptr, nullptr, "user.heal(2.0f * ABILITY_LEVEL);", nullptr, ""},
      {"fireball", nullptr, nullptr, "shootFireball(world, user);", "shootFireball",
       "net.minecraft.entity.projectile.SmallFireballEntity net.minecraft.util.math.Vec3d"},
      {"teleport", nullptr, nullptr, "teleportAhead(world, user);", "teleportAhead",
       "net.minecraft.util.hit.BlockHitResult net.minecraft.util.math.Vec3d "
       "net.minecraft.world.RaycastContext"}};

    const char* const helpers[][2] = {
      {"strikeLightning",
       "    // A lightning bolt where the target stands (on the server only).\n"
       "    private static void strikeLightning(LivingEntity target) {\n"
       "        if (target.getWorld() instanceof ServerWorld world) {\n"
       "            LightningEntity bolt = EntityType.LIGHTNING_BOLT.create(world);\n"
       "            if (bolt != null) {\n"
       "                bolt.refreshPositionAfterTeleport(target.getPos());\n"
       "                world.spawnEntity(bolt);\n"
       "            }\n"
       "        }\n"
       "    }\n"},
      {"shootFireball",
       "    // A small fireball (a blaze's: it sets fire and breaks no block) where the user looks.\n"
       "    private static void shootFireball(World world, PlayerEntity user) {\n"
       "        Vec3d look = user.getRotationVec(1.0f);\n"
       "        SmallFireballEntity fireball = new SmallFireballEntity(world, user, look.x, look.y, look.z);\n"
       "        fireball.setPosition(user.getX() + look.x, user.getEyeY() - 0.1, user.getZ() + look.z);\n"
       "        world.spawnEntity(fireball);\n"
       "    }\n"},
      {"teleportAhead",
       "    // Up to 8 blocks a level ahead, stopping short of the first block in the way.\n"
       "    private static void teleportAhead(World world, PlayerEntity user) {\n"
       "        Vec3d look = user.getRotationVec(1.0f);\n"
       "        Vec3d start = user.getEyePos();\n"
       "        Vec3d end = start.add(look.multiply(8.0 * ABILITY_LEVEL));\n"
       "        BlockHitResult hit = world.raycast(new RaycastContext(start, end,\n"
       "                RaycastContext.ShapeType.COLLIDER, RaycastContext.FluidHandling.NONE, user));\n"
       "        Vec3d to = hit.getPos().add(look.multiply(-0.5));\n"
       "        user.requestTeleport(to.x, to.y - (user.getEyeY() - user.getY()), to.z);\n"
       "        user.fallDistance = 0.0f;\n"
       "    }\n"}};

    struct kind_base
    {
      const char* kind;
      const char* base;     // the vanilla class it extends
      const char* damage;   // the constructor's own attack damage (0: the material has it all)
      const char* type;     // ArmorItem.Type, for armour
    };

    const kind_base bases[] = {
      {"sword", "SwordItem", "0", nullptr}, {"pickaxe", "PickaxeItem", "0", nullptr},
      {"axe", "AxeItem", "0.0f", nullptr}, {"shovel", "ShovelItem", "0.0f", nullptr},
      {"hoe", "HoeItem", "0", nullptr}, {"bow", "BowItem", nullptr, nullptr},
      {"helmet", "ArmorItem", nullptr, "HELMET"},
      {"chestplate", "ArmorItem", nullptr, "CHESTPLATE"},
      {"leggings", "ArmorItem", nullptr, "LEGGINGS"}, {"boots", "ArmorItem", nullptr, "BOOTS"}};

    const kind_base& base_for (const std::string& kind)
    {
      static const kind_base plain {"", "Item", nullptr, nullptr};
      for (const kind_base& b: bases)
        if (kind == b.kind)
          return b;
      return plain;
    }

    const ability_code* code_for (const std::string& ability)
    {
      for (const ability_code& c: codes)
        if (ability == c.ability)
          return &c;
      return nullptr;
    }

    // A Java float literal: "7.5f".
    std::string java_float (double v)
    {
      char buf[32];
      std::snprintf (buf, sizeof (buf), "%.3gf", v);
      std::string s (buf);
      if (s.find_first_of (".e") == std::string::npos)
        s.insert (s.size () - 1, ".0");
      return s;
    }

    void use (imports& i, const char* names)
    {
      std::string n;
      for (const char* p (names);; ++p)
        if (*p == ' ' || *p == '\0')
        {
          if (!n.empty ())
            i.insert (n);
          n.clear ();
          if (*p == '\0')
            break;
        }
        else
          n += *p;
    }

    // Each line of `code` indented by `indent` spaces.
    std::string indented (const std::string& code, int indent)
    {
      std::string r, pad (static_cast<std::size_t> (indent), ' ');
      std::size_t at (0);
      while (at < code.size ())
      {
        std::size_t end (code.find ('\n', at));
        if (end == std::string::npos)
          end = code.size ();
        r += pad + code.substr (at, end - at) + "\n";
        at = end + 1;
      }
      return r;
    }

    bool is_armour (const std::string& kind)
    {
      return base_for (kind).type != nullptr;
    }

    std::string repair_item (const decisions& d)
    {
      const material* m (find_material (d.material));
      return m != nullptr ? m->java_item : tier_named (d.tier).repair_item;
    }

    // The constants and the vanilla material object: a tool's ToolMaterial, armour's
    // ArmorMaterial, food's FoodComponent.
    std::string numbers (const decisions& d, imports& i)
    {
      const tier_values& t (tier_named (d.tier));
      const item_stats& s (d.stats);
      std::string r ("    static final int ABILITY_LEVEL = " + std::to_string (d.ability_level) + ";\n");
      if (base_for (d.kind).damage != nullptr)
      {
        use (i, "net.minecraft.item.ToolMaterial net.minecraft.item.Items net.minecraft.recipe.Ingredient");
        r += "    static final float ATTACK_DAMAGE = " + java_float (s.attack_damage) +
             "; // as the tooltip shows it\n"
             "    static final float ATTACK_SPEED = " + java_float (s.attack_speed) +
             "; // attacks per second\n"
             "    static final int DURABILITY = " + std::to_string (s.durability) + ";\n"
             "    static final float MINING_SPEED = " + java_float (s.mining_speed) + ";\n"
             "\n"
             "    static final ToolMaterial MATERIAL = new ToolMaterial() {\n"
             "        @Override public int getDurability() { return DURABILITY; }\n"
             "        @Override public float getMiningSpeedMultiplier() { return MINING_SPEED; }\n"
             "        // The tooltip adds the hand's 1 to this; the item adds nothing of its own.\n"
             "        @Override public float getAttackDamage() { return ATTACK_DAMAGE - 1.0f; }\n"
             "        @Override public int getMiningLevel() { return " +
             std::to_string (t.mining_level) + "; }\n"
             "        @Override public int getEnchantability() { return " +
             std::to_string (t.tool_enchantability) + "; }\n"
             "        @Override public Ingredient getRepairIngredient() { return Ingredient.ofItems(Items." +
             repair_item (d) + "); }\n"
             "    };\n";
      }
      else if (is_armour (d.kind))
      {
        use (i, "net.minecraft.item.ArmorMaterial net.minecraft.item.Items "
                "net.minecraft.recipe.Ingredient net.minecraft.sound.SoundEvent "
                "net.minecraft.sound.SoundEvents");
        r += "    static final int ARMOR = " + std::to_string (s.armor) + ";\n"
             "    static final float TOUGHNESS = " + java_float (s.toughness) + ";\n"
             "    static final int DURABILITY = " + std::to_string (s.durability) + ";\n"
             "\n"
             "    static final ArmorMaterial MATERIAL = new ArmorMaterial() {\n"
             "        @Override public int getDurability(ArmorItem.Type type) { return DURABILITY; }\n"
             "        @Override public int getProtection(ArmorItem.Type type) { return ARMOR; }\n"
             "        @Override public int getEnchantability() { return " +
             std::to_string (t.armour_enchantability) + "; }\n"
             "        @Override public SoundEvent getEquipSound() { return SoundEvents." +
             t.equip_sound + "; }\n"
             "        @Override public Ingredient getRepairIngredient() { return Ingredient.ofItems(Items." +
             repair_item (d) + "); }\n"
             "        // Worn, the piece is drawn as vanilla's armour of this name.\n"
             "        @Override public String getName() { return \"" + t.armour_texture + "\"; }\n"
             "        @Override public float getToughness() { return TOUGHNESS; }\n"
             "        @Override public float getKnockbackResistance() { return " +
             java_float (t.knockback_resistance) + "; }\n"
             "    };\n";
      }
      else if (d.kind == "bow")
        r += "    static final int DURABILITY = " + std::to_string (s.durability) + ";\n";
      else if (d.kind == "food")
      {
        use (i, "net.minecraft.item.FoodComponent");
        r += "    static final FoodComponent FOOD = new FoodComponent.Builder()\n"
             "            .hunger(" + std::to_string (s.hunger) + ")\n"
             "            .saturationModifier(" + java_float (s.saturation) + ")\n";
        for (const std::string& a: d.abilities)
        {
          use (i, "net.minecraft.entity.effect.StatusEffectInstance net.minecraft.entity.effect.StatusEffects");
          // Eaten, an effect lasts 30 s a level; healing is instant.
          r += std::string ("            .statusEffect(new StatusEffectInstance(StatusEffects.") +
               find_ability (a)->effect + ", " + (a == "heal" ? "1" : "600 * ABILITY_LEVEL") +
               ", ABILITY_LEVEL - 1), 1.0f)\n";
        }
        if (!d.abilities.empty ())
          r += "            .alwaysEdible()\n";
        r += "            .build();\n";
      }
      return r;
    }

    std::string constructor (const decisions& d, const std::string& name)
    {
      const kind_base& b (base_for (d.kind));
      std::string call;
      if (b.damage != nullptr)
        call = std::string ("super(MATERIAL, ") + b.damage + ", ATTACK_SPEED - 4.0f, settings);";
      else if (b.type != nullptr)
        call = std::string ("super(MATERIAL, ArmorItem.Type.") + b.type + ", settings);";
      else if (d.kind == "bow")
        call = "super(DURABILITY > 0 ? settings.maxDamage(DURABILITY) : settings);";
      else if (d.kind == "food")
        call = "super(settings.food(FOOD));";
      else if (d.kind == "wand")
        call = "super(settings.maxCount(1));";
      else
        call = "super(settings);";
      return "    public " + name + "(Item.Settings settings) {\n        " + call + "\n    }\n";
    }

    std::string hit_method (const decisions& d, imports& i, std::set<std::string>& helpers_used)
    {
      std::string body;
      for (const std::string& a: d.abilities)
        if (const ability_code* c = code_for (a))
          if (c->hit != nullptr)
          {
            body += indented (c->hit, 8);
            use (i, c->uses);
            if (c->helper != nullptr)
              helpers_used.insert (c->helper);
          }
      if (body.empty () || d.kind == "bow")
        return "";
      use (i, "net.minecraft.entity.LivingEntity net.minecraft.item.ItemStack");
      return "\n    @Override\n"
             "    public boolean postHit(ItemStack stack, LivingEntity target, LivingEntity attacker) {\n" +
             body +
             "        return super.postHit(stack, target, attacker);\n"
             "    }\n";
    }

    std::string arrow_method (const decisions& d, imports& i)
    {
      if (d.kind != "bow")
        return "";
      std::string body;
      for (const std::string& a: d.abilities)
        if (const ability_code* c = code_for (a))
          if (c->arrow != nullptr)
          {
            body += indented (c->arrow, 12);
            use (i, c->uses);
          }
      if (body.empty ())
        return "";
      use (i, "net.minecraft.entity.LivingEntity net.minecraft.item.ItemStack "
              "net.minecraft.world.World net.minecraft.entity.projectile.PersistentProjectileEntity");
      if (body.find ("ArrowEntity") != std::string::npos)
        use (i, "net.minecraft.entity.projectile.ArrowEntity");
      return "\n    // The arrow the bow has just shot carries the abilities: the one of this user's\n"
             "    // arrows nearby that is not a tick old.\n"
             "    @Override\n"
             "    public void onStoppedUsing(ItemStack stack, World world, LivingEntity user, int remainingUseTicks) {\n"
             "        super.onStoppedUsing(stack, world, user, remainingUseTicks);\n"
             "        if (world.isClient()) {\n"
             "            return;\n"
             "        }\n"
             "        for (PersistentProjectileEntity arrow : world.getEntitiesByClass(PersistentProjectileEntity.class,\n"
             "                user.getBoundingBox().expand(3.0), a -> a.getOwner() == user && a.age == 0)) {\n" +
             body +
             "        }\n"
             "    }\n";
    }

    std::string use_method (const decisions& d, imports& i, std::set<std::string>& helpers_used)
    {
      std::string body;
      for (const std::string& a: d.abilities)
        if (const ability_code* c = code_for (a))
          if (c->use != nullptr)
          {
            body += indented (c->use, 12);
            use (i, c->uses);
            if (c->helper != nullptr)
              helpers_used.insert (c->helper);
          }
      if (body.empty () || d.kind == "food" || d.kind == "bow" || is_armour (d.kind))
        return "";
      use (i, "net.minecraft.entity.player.PlayerEntity net.minecraft.item.ItemStack "
              "net.minecraft.util.Hand net.minecraft.util.TypedActionResult net.minecraft.world.World");
      return "\n    static final int COOLDOWN_TICKS = 20;\n"
             "\n"
             "    @Override\n"
             "    public TypedActionResult<ItemStack> use(World world, PlayerEntity user, Hand hand) {\n"
             "        ItemStack stack = user.getStackInHand(hand);\n"
             "        if (!world.isClient()) {\n" +
             body +
             "        }\n"
             "        user.getItemCooldownManager().set(this, COOLDOWN_TICKS);\n"
             "        return TypedActionResult.success(stack, world.isClient());\n"
             "    }\n";
    }

    std::string carried_method (const decisions& d, imports& i)
    {
      std::string body;
      for (const std::string& a: d.abilities)
      {
        const ability* info (find_ability (a));
        if (info->trigger == ability_trigger::effect)
          body += std::string ("            keepEffect(holder, StatusEffects.") + info->effect + ");\n";
      }
      if (body.empty () || d.kind == "food")
        return "";
      use (i, "net.minecraft.entity.Entity net.minecraft.entity.LivingEntity "
              "net.minecraft.entity.effect.StatusEffect net.minecraft.entity.effect.StatusEffectInstance "
              "net.minecraft.entity.effect.StatusEffects net.minecraft.item.ItemStack "
              "net.minecraft.world.World");
      std::string carried (is_armour (d.kind)
                           ? "        return holder.getEquippedStack(getSlotType()) == stack;\n"
                           : "        return holder.getMainHandStack() == stack || holder.getOffHandStack() == stack;\n");
      return std::string ("\n    @Override\n"
             "    public void inventoryTick(ItemStack stack, World world, Entity entity, int slot, boolean selected) {\n"
             "        super.inventoryTick(stack, world, entity, slot, selected);\n"
             "        if (!world.isClient() && entity instanceof LivingEntity holder && isCarried(holder, stack)) {\n") +
             body +
             "        }\n"
             "    }\n"
             "\n" +
             (is_armour (d.kind) ? "    // Worn in its slot.\n" : "    // Held in either hand.\n") +
             "    private boolean isCarried(LivingEntity holder, ItemStack stack) {\n" +
             carried +
             "    }\n"
             "\n"
             "    // Renewed before it runs out: night vision flickers in its last 10 seconds.\n"
             "    private static void keepEffect(LivingEntity holder, StatusEffect effect) {\n"
             "        StatusEffectInstance current = holder.getStatusEffect(effect);\n"
             "        if (current == null || current.getDuration() < 220) {\n"
             "            holder.addStatusEffect(new StatusEffectInstance(effect, 260, ABILITY_LEVEL - 1, true, false));\n"
             "        }\n"
             "    }\n";
    }

    std::string glint_method (const decisions& d, imports& i)
    {
      for (const std::string& a: d.abilities)
        if (a == "glowing")
        {
          use (i, "net.minecraft.item.ItemStack");
          return "\n    // It shimmers like an enchanted item.\n"
                 "    @Override\n"
                 "    public boolean hasGlint(ItemStack stack) {\n"
                 "        return true;\n"
                 "    }\n";
        }
      return "";
    }
  }

  std::string java_item_class_name (const std::string& mod_id)
  {
    std::string mod (java_class_name (mod_id));
    return mod.substr (0, mod.size () - 3) + "Item";
  }

  std::string java_item_source (const decisions& d)
  {
    std::string name (java_item_class_name (d.mod_id));
    const kind_base& b (base_for (d.kind));
    imports i {"net.minecraft.item.Item"};
    if (b.base != std::string ("Item"))
      i.insert (std::string ("net.minecraft.item.") + b.base);

    std::set<std::string> helpers_used;
    std::string body (numbers (d, i) + "\n" + constructor (d, name) +
                      hit_method (d, i, helpers_used) + arrow_method (d, i) +
                      use_method (d, i, helpers_used) + carried_method (d, i) + glint_method (d, i));
    for (const auto& h: helpers)
      if (helpers_used.count (h[0]) != 0)
      {
        body += std::string ("\n") + h[1];
        use (i, "net.minecraft.entity.LivingEntity");
        if (std::string (h[0]) != "strikeLightning")
          use (i, "net.minecraft.entity.player.PlayerEntity net.minecraft.world.World");
      }

    std::string import_lines;
    for (const std::string& imp: i)
      import_lines += "import " + imp + ";\n";
    std::string what;
    for (const std::string& a: d.abilities)
      what += std::string ("//   ") + find_ability (a)->summary + "\n";
    return "package " + java_package (d.mod_id) + ";\n"
           "\n" + import_lines +
           "\n"
           "// Generated by modforge: the item's " + d.kind + " class; its numbers are the constants\n"
           "// below." + (what.empty () ? "\n" : " What it does:\n" + what) +
           "public class " + name + " extends " + b.base + " {\n" +
           body +
           "}\n";
  }
}
