import { render, screen } from '@testing-library/react';
import { RiskBadge } from './index';

describe('RiskBadge', () => {
  it.each([
    ['high', '高风险'],
    ['medium', '中风险'],
    ['low', '低风险'],
  ])('labels %s as %s, with its own style', (level, label) => {
    render(<RiskBadge level={level} id='b' />);
    const el = screen.getByText(label);
    expect(el).toHaveClass(`risk-badge--${level}`);
  });

  it('says 未评估 for a missing or unknown level', () => {
    const { rerender } = render(<RiskBadge level={null} />);
    expect(screen.getByText('未评估')).toHaveClass('risk-badge--none');
    rerender(<RiskBadge level='extreme' />);
    expect(screen.getByText('未评估')).toHaveClass('risk-badge--none');
  });
});
