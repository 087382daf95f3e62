/**
 * Renders its child at 1000×800 pixels, in place of
 * `react-virtualized-auto-sizer` in tests. LogViewer sizes itself with
 * AutoSizer, which measures 0×0 in jsdom and then renders nothing. Use it with
 * `jest.mock('react-virtualized-auto-sizer', () => require('…/fixedSizeAutoSizer'))`.
 */
export default function FixedSizeAutoSizer(props: {
  children(size: { width: number; height: number }): unknown;
}) {
  return props.children({ width: 1000, height: 800 });
}
