/** How each kind looks: its bundled icon and its category colour. */
import {
  AppWindow, Archive, BellRing, BookMarked, Box, ChartLine, Clock, Cloud, Cog, Copy, Database, DoorOpen, FileStack, Gauge,
  Globe, Inbox, KeyRound, Megaphone, MemoryStick, Network, Plug, Radio, Repeat, Route, ScrollText, Search, Shield,
  Signpost, SlidersHorizontal, Smartphone, Split, TriangleAlert, Warehouse, Waves, Zap, type LucideIcon,
} from 'lucide-react';
import type { CategoryId, IconName } from '../../domain/diagram/catalog.ts';

export const ICONS: Record<IconName, LucideIcon> = {
  globe: Globe,
  smartphone: Smartphone,
  plug: Plug,
  signpost: Signpost,
  cloud: Cloud,
  split: Split,
  door: DoorOpen,
  gauge: Gauge,
  repeat: Repeat,
  shield: Shield,
  box: Box,
  cog: Cog,
  zap: Zap,
  clock: Clock,
  radio: Radio,
  waves: Waves,
  database: Database,
  'file-stack': FileStack,
  memory: MemoryStick,
  archive: Archive,
  search: Search,
  warehouse: Warehouse,
  chart: ChartLine,
  copy: Copy,
  inbox: Inbox,
  megaphone: Megaphone,
  'alert-box': TriangleAlert,
  book: BookMarked,
  network: Network,
  sliders: SlidersHorizontal,
  key: KeyRound,
  route: Route,
  scroll: ScrollText,
  bell: BellRing,
};

export const FallbackIcon = AppWindow;

/** Tailwind classes for the icon tile of each category, light and dark. */
export const CATEGORY_TILE: Record<CategoryId, string> = {
  clients: 'bg-sky-100 text-sky-800 dark:bg-sky-900/60 dark:text-sky-200',
  edge: 'bg-violet-100 text-violet-800 dark:bg-violet-900/60 dark:text-violet-200',
  compute: 'bg-blue-100 text-blue-800 dark:bg-blue-900/60 dark:text-blue-200',
  data: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/60 dark:text-emerald-200',
  messaging: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-200',
  platform: 'bg-rose-100 text-rose-800 dark:bg-rose-900/60 dark:text-rose-200',
};

/** The coloured stripe on the node's left edge. */
export const CATEGORY_STRIPE: Record<CategoryId, string> = {
  clients: 'border-l-sky-500',
  edge: 'border-l-violet-500',
  compute: 'border-l-blue-500',
  data: 'border-l-emerald-500',
  messaging: 'border-l-amber-500',
  platform: 'border-l-rose-500',
};

/** The same stripe's colour as an SVG fill, for the far-zoomed sketch (DesignSketch). */
export const CATEGORY_STRIPE_FILL: Record<CategoryId, string> = {
  clients: 'fill-sky-500',
  edge: 'fill-violet-500',
  compute: 'fill-blue-500',
  data: 'fill-emerald-500',
  messaging: 'fill-amber-500',
  platform: 'fill-rose-500',
};
