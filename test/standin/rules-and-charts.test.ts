import { describe, expect, test } from 'vitest';
import type { Sheet } from '../support/standin';
import { createStandIn, rangeLabel } from '../support/standin';

function book() {
  const standIn = createStandIn({
    timeZone: 'UTC',
    locale: 'en_US',
    sheets: {
      Stages: [['Stage'], ['Meeting booked'], ['Proposal'], ['Won']],
      Deals: [
        ['Deal ID', 'Stage', 'Done', 'Health'],
        ['D-1', 'Proposal', true, ''],
        ['D-2', 'Won', '', 'Stale'],
      ],
    },
  });
  const app = standIn.services.SpreadsheetApp;
  const deals = standIn.spreadsheet.getSheetByName('Deals') as Sheet;
  const stages = standIn.spreadsheet.getSheetByName('Stages') as Sheet;
  return { standIn, app, deals, stages };
}

describe('data validation', () => {
  test('requireValueInRange builds a rule readable through the API and by tests', () => {
    const { standIn, app, deals, stages } = book();
    const rule = app
      .newDataValidation()
      .requireValueInRange(stages.getRange('A2:A'), true)
      .setAllowInvalid(false)
      .setHelpText('Pick a stage')
      .build();
    deals.getRange('B2:B').setDataValidation(rule);
    const read = deals.getRange('B5').getDataValidation();
    expect(String(read?.getCriteriaType())).toBe('VALUE_IN_RANGE');
    expect(read?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_RANGE);
    const [source, dropdown] = read?.getCriteriaValues() ?? [];
    expect(rangeLabel(source)).toBe('Stages!A2:A');
    expect(dropdown).toBe(true);
    expect([read?.getAllowInvalid(), read?.getHelpText()]).toEqual([false, 'Pick a stage']);
    expect(deals.getRange('B1').getDataValidation()).toBeNull();
    expect(standIn.snapshot('Deals').validations[1]?.[1]).toEqual({
      criteria: 'VALUE_IN_RANGE',
      args: ['Stages!A2:A', true],
      allowInvalid: false,
      helpText: 'Pick a stage',
    });
  });

  test('a rejecting rule refuses a person’s input but not a script’s', () => {
    const { standIn, app, deals } = book();
    deals
      .getRange('B2:B3')
      .setDataValidation(
        app.newDataValidation().requireValueInList(['Proposal', 'Won']).setAllowInvalid(false).build(),
      );
    expect(() => standIn.edit('Deals', 'B2', [['Nope']])).toThrow('Sheets would reject');
    expect(standIn.edit('Deals', 'B2', [['Won']]).value).toBe('Won');
    deals.getRange('B3').setValue('Anything'); // scripts are not validated
    expect(deals.getRange('B3').getValue()).toBe('Anything');
  });

  test('insertCheckboxes: a checkbox rule, and (as documented) every cell becomes false', () => {
    const { standIn, deals } = book();
    deals.getRange('C2:C3').insertCheckboxes();
    expect(deals.getRange('C2:C3').getValues()).toEqual([[false], [false]]);
    expect(String(deals.getRange('C2').getDataValidation()?.getCriteriaType())).toBe('CHECKBOX');
    const e = standIn.edit('Deals', 'C3', [[true]]);
    expect([e.value, e.oldValue]).toEqual(['TRUE', 'FALSE']);
    expect(() => standIn.edit('Deals', 'C2', [['maybe']])).toThrow('Sheets would reject');
  });

  test('setDataValidations checks its size', () => {
    const { app, deals } = book();
    const rule = app.newDataValidation().requireCheckbox().build();
    expect(() => deals.getRange('C2:C3').setDataValidations([[rule]])).toThrow(
      'The data has 1 but the range has 2.',
    );
  });
});

describe('conditional formats', () => {
  test('rules are stored per sheet, replaced as a whole, and inspectable', () => {
    const { standIn, app, deals } = book();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$D2<>""')
      .setBackground('#FCE8E6')
      .setRanges([deals.getRange('A2:D')])
      .build();
    deals.setConditionalFormatRules([...deals.getConditionalFormatRules(), rule]);
    const read = deals.getConditionalFormatRules();
    expect(read).toHaveLength(1);
    expect(read[0]?.getBooleanCondition()?.getCriteriaValues()).toEqual(['=$D2<>""']);
    expect(read[0]?.getBooleanCondition()?.getCriteriaType()).toBe(app.BooleanCriteria.CUSTOM_FORMULA);
    expect(read[0]?.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:D']);
    expect(standIn.conditionalFormats('Deals')).toEqual([
      {
        criteria: 'CUSTOM_FORMULA',
        values: ['=$D2<>""'],
        formula: '=$D2<>""',
        background: '#fce8e6',
        fontColor: null,
        bold: null,
        ranges: ['A2:D'],
      },
    ]);
    deals.setConditionalFormatRules([]);
    expect(standIn.conditionalFormats('Deals')).toEqual([]);
  });

  test('a rule whose range is on another sheet is refused', () => {
    const { app, deals, stages } = book();
    const rule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([stages.getRange('A1')])
      .build();
    expect(() => deals.setConditionalFormatRules([rule])).toThrow('another sheet');
  });
});

describe('charts', () => {
  test('newChart builder, insert, read back, modify and update', () => {
    const { standIn, deals } = book();
    const Charts = standIn.services.Charts;
    const chart = deals
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(deals.getRange('A1:B3'))
      .setNumHeaders(1)
      .setOption('title', 'Forecast')
      .setPosition(2, 6, 0, 0)
      .build();
    deals.insertChart(chart);
    const [stored] = deals.getCharts();
    expect(stored?.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B3']);
    expect(stored?.getOptions().get('title')).toBe('Forecast');
    expect(stored?.getContainerInfo().getAnchorColumn()).toBe(6);
    if (!stored) throw new Error('no chart');
    deals.updateChart(stored.modify().setChartType(Charts.ChartType.LINE).build());
    expect(standIn.charts('Deals')).toEqual([
      {
        id: stored.getChartId(),
        type: 'LINE',
        ranges: ['Deals!A1:B3'],
        options: { title: 'Forecast' },
        position: { row: 2, column: 6, offsetX: 0, offsetY: 0 },
        numHeaders: 1,
      },
    ]);
    deals.removeChart(stored);
    expect(deals.getCharts()).toEqual([]);
  });
});
