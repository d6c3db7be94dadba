// @vitest-environment happy-dom
/** The app's drift lane: against each series' own threshold by default, the fixed PSI bands one click away. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimeFrame } from '../../src-main/charts/timeFrame';
import type { DriftHeatmapData } from '../../src-main/contract/charts';
import { DriftHeatmapChart } from '../../src-renderer/charts/DriftHeatmapChart';

afterEach(cleanup);

const data: DriftHeatmapData = {
  features: ['origin_index'],
  windows: [
    { from: '2001-03-01T00:00:00', to: '2001-03-01T01:00:00' },
    { from: '2001-03-01T01:00:00', to: '2001-03-01T02:00:00' },
  ],
  // A noisy series: PSI 0.6 is past the seed's 0.25, yet well within its own threshold.
  psi: [[0.6, 0.3]],
  bands: { investigate: 0.1, retrain: 0.25 },
  relative: [[0.4, 0.2]],
};
const frame: TimeFrame = { left: 80, range: { from: '2001-03-01T00:00:00', to: '2001-03-01T02:00:00' } };

describe('drift heatmap lane', () => {
  it("shows the series' own thresholds first and the fixed bands as a labelled second view", () => {
    render(<DriftHeatmapChart data={data} width={640} frame={frame} now={null} />);
    const cells = () => [...document.querySelectorAll('rect[class^="psi-"]')].map((r) => r.getAttribute('class'));
    expect(cells()).toEqual(['psi-stable', 'psi-stable']);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain('own alert threshold');
    fireEvent.click(screen.getByRole('button', { name: 'Fixed PSI bands (0.1 / 0.25)' }));
    expect(cells()).toEqual(['psi-retrain', 'psi-retrain']);
    expect(screen.getByRole('img').getAttribute('aria-label')).toContain("the seed's fixed PSI bands");
    expect(screen.getByText('> 0.25')).toBeTruthy();
  });

  it('offers only the bands when the log recorded no thresholds', () => {
    render(<DriftHeatmapChart data={{ ...data, relative: undefined }} width={640} frame={frame} now={null} />);
    expect(screen.getByRole('button', { name: "Against each series' own alert threshold" })).toHaveProperty('disabled', true);
    expect(document.querySelector('.drift-heatmap')!.getAttribute('data-view')).toBe('bands');
  });
});
