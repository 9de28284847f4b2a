import { Image, Text, View } from '@tarojs/components';
import './index.css';

export interface MapArea {
  id: string;
  name: string;
  level: string;
  boundary: [number, number][];
}

export interface MapPoint {
  id?: string;
  lat: number;
  lng: number;
  riskLevel?: string | null;
  label?: string;
}

export const RISK_COLORS: Record<string, string> = { high: '#c42b1c', medium: '#d97706', low: '#2f7d32' };
const STROKE: Record<string, { width: number; color: string }> = {
  district: { width: 3, color: '#38414d' },
  street: { width: 2.5, color: '#0b5cad' },
  community: { width: 1.5, color: '#6b7a8c' },
  grid: { width: 0.8, color: '#aab3bf' },
};
const ORDER = ['grid', 'community', 'street', 'district'];

const esc = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The areas' stored boundaries and the points, as an SVG — no map tiles, no
 * network: it works on a closed government network and in the weapp alike
 * (drawn through <Image> as a data URI, which both platforms display).
 */
export function buildMapSvg(areas: MapArea[], points: MapPoint[], width = 640, height = 420): string {
  const xs: number[] = [];
  const ys: number[] = [];
  areas.forEach((a) => a.boundary.forEach(([lng, lat]) => (xs.push(lng), ys.push(lat))));
  points.forEach((p) => (xs.push(p.lng), ys.push(p.lat)));
  if (!xs.length) return '';
  let [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (maxX - minX < 1e-6) (minX -= 0.005), (maxX += 0.005);
  if (maxY - minY < 1e-6) (minY -= 0.005), (maxY += 0.005);
  const pad = 16;
  // Same scale on both axes (near enough at city scale), centred.
  const scale = Math.min((width - 2 * pad) / (maxX - minX), (height - 2 * pad) / (maxY - minY));
  const ox = (width - (maxX - minX) * scale) / 2;
  const oy = (height - (maxY - minY) * scale) / 2;
  const px = (lng: number) => (ox + (lng - minX) * scale).toFixed(1);
  const py = (lat: number) => (oy + (maxY - lat) * scale).toFixed(1);

  const sorted = [...areas].sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level));
  const polys = sorted
    .map((a) => {
      const s = STROKE[a.level] || STROKE.grid;
      const pts = a.boundary.map(([lng, lat]) => `${px(lng)},${py(lat)}`).join(' ');
      return `<polygon points="${pts}" fill="${a.level === 'grid' ? '#f7f9fb' : 'none'}" stroke="${s.color}" stroke-width="${s.width}"/>`;
    })
    .join('');
  const labels = sorted
    .filter((a) => a.level === 'street' || a.level === 'community')
    .map((a) => {
      const lngs = a.boundary.map((b) => b[0]);
      const lats = a.boundary.map((b) => b[1]);
      const x = px((Math.min(...lngs) + Math.max(...lngs)) / 2);
      const y = a.level === 'street' ? Number(py(Math.max(...lats))) + 20 : Number(py(Math.min(...lats))) - 8;
      const size = a.level === 'street' ? 16 : 12;
      return `<text x="${x}" y="${y}" font-size="${size}" text-anchor="middle" fill="${a.level === 'street' ? '#0b4f94' : '#4a5563'}" font-family="WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, sans-serif">${esc(a.name)}</text>`;
    })
    .join('');
  const dots = points
    .map((p) => `<circle cx="${px(p.lng)}" cy="${py(p.lat)}" r="7" fill="${RISK_COLORS[p.riskLevel || ''] || '#5b6270'}" stroke="#ffffff" stroke-width="2" fill-opacity="0.9"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#ffffff"/>${polys}${labels}${dots}</svg>`;
}

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

export function AreaMap({ areas, points, id, height = 420, legend = true }: { areas: MapArea[]; points: MapPoint[]; id?: string; height?: number; legend?: boolean }) {
  const svg = buildMapSvg(areas, points, 640, height);
  if (!svg) return <Text className='muted'>暂无位置信息</Text>;
  return (
    <View className='area-map' id={id} data-points={String(points.length)}>
      <Image className='area-map-img' src={svgDataUri(svg)} mode='widthFix' />
      {legend ? (
        <View className='area-map-legend'>
          <Text className='area-map-key'><Text className='area-map-dot' style={{ background: RISK_COLORS.high }} />高风险</Text>
          <Text className='area-map-key'><Text className='area-map-dot' style={{ background: RISK_COLORS.medium }} />中风险</Text>
          <Text className='area-map-key'><Text className='area-map-dot' style={{ background: RISK_COLORS.low }} />低风险</Text>
        </View>
      ) : null}
    </View>
  );
}
