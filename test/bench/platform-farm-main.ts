// The platform farm as its own process for the delivery benchmark: prints its addresses, serves /farm/summary.
import { startPlatformFarm } from "../support/platform-farm.js";

const farm = await startPlatformFarm({ scale: Number(process.env.SCALE ?? 10) });
process.stdout.write(JSON.stringify({ telegramRoot: farm.telegramRoot, discordBase: farm.discordBase }) + "\n");
