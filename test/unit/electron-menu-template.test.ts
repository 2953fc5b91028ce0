import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuActions } from '../../electron/main/menu-template.ts';

function fakeActions(): MenuActions {
  return {
    openLedger: vi.fn(),
    newLedger: vi.fn(),
    importFile: vi.fn(),
    exportInvoices: vi.fn(),
    showAbout: vi.fn(),
  };
}

function build(platform: NodeJS.Platform, isPackaged = true, actions = fakeActions()) {
  return buildMenuTemplate(actions, { appName: 'Duedesk', platform, isPackaged });
}

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  const items = item?.submenu;
  if (!Array.isArray(items)) throw new Error(`${item?.label ?? item?.role} has no submenu`);
  return items;
}

function find(
  template: MenuItemConstructorOptions[],
  label: string,
): MenuItemConstructorOptions | undefined {
  return template.find((item) => item.label === label);
}

/** Describes each item by its label or role, and its accelerator when it has one. */
function describeItems(items: MenuItemConstructorOptions[]): string[] {
  return items.map((item) => {
    if (item.type === 'separator') return '---';
    const name = item.label ?? `role:${item.role}`;
    return item.accelerator ? `${name} [${item.accelerator}]` : name;
  });
}

describe('buildMenuTemplate on Windows and Linux', () => {
  it.each(['win32', 'linux'] as const)('has File, Edit, View and Help on %s', (platform) => {
    expect(build(platform).map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('lists the File commands with their shortcuts', () => {
    expect(describeItems(submenu(find(build('win32'), '&File')))).toEqual([
      'Open Ledger… [CmdOrCtrl+O]',
      'New Ledger… [CmdOrCtrl+N]',
      '---',
      'Import… [CmdOrCtrl+I]',
      'Export Invoices… [CmdOrCtrl+E]',
      '---',
      'role:quit',
    ]);
  });

  it('puts About Duedesk under Help', () => {
    expect(describeItems(submenu(find(build('linux'), '&Help')))).toEqual(['About Duedesk']);
  });

  it('lists the Edit roles', () => {
    expect(describeItems(submenu(find(build('linux'), '&Edit')))).toEqual([
      'role:undo',
      'role:redo',
      '---',
      'role:cut',
      'role:copy',
      'role:paste',
      'role:delete',
      '---',
      'role:selectAll',
    ]);
  });
});

describe('buildMenuTemplate on macOS', () => {
  const template = build('darwin');

  it('starts with the app menu and adds Window', () => {
    expect(template.map((menu) => menu.label ?? `role:${menu.role}`)).toEqual([
      'Duedesk',
      'File',
      'Edit',
      'View',
      'role:windowMenu',
      'Help',
    ]);
  });

  it('puts About, Hide and Quit in the app menu', () => {
    expect(describeItems(submenu(template[0]))).toEqual([
      'About Duedesk',
      '---',
      'role:services',
      '---',
      'role:hide',
      'role:hideOthers',
      'role:unhide',
      '---',
      'role:quit',
    ]);
  });

  it('closes the window from File instead of quitting', () => {
    const items = describeItems(submenu(find(template, 'File')));
    expect(items.at(-1)).toBe('role:close');
    expect(items).not.toContain('role:quit');
  });

  it('offers Paste and Match Style', () => {
    expect(describeItems(submenu(find(template, 'Edit')))).toContain('role:pasteAndMatchStyle');
  });

  it('leaves Help without About', () => {
    expect(submenu(find(template, 'Help'))).toEqual([]);
  });
});

describe('buildMenuTemplate View menu', () => {
  it('offers the developer tools in an unpackaged build', () => {
    expect(describeItems(submenu(find(build('linux', false), '&View')))).toEqual([
      'role:reload',
      'role:forceReload',
      'role:toggleDevTools',
      '---',
      'role:resetZoom',
      'role:zoomIn',
      'role:zoomOut',
      '---',
      'role:togglefullscreen',
    ]);
  });

  it.each(['linux', 'win32', 'darwin'] as const)(
    'hides the developer tools when packaged on %s',
    (platform) => {
      const view = build(platform, true).find((menu) => menu.label?.includes('View'));
      expect(describeItems(submenu(view))).not.toContain('role:toggleDevTools');
    },
  );
});

describe('buildMenuTemplate clicks', () => {
  it.each([
    ['Open Ledger…', 'openLedger'],
    ['New Ledger…', 'newLedger'],
    ['Import…', 'importFile'],
    ['Export Invoices…', 'exportInvoices'],
  ] as const)('%s runs %s', (label, action) => {
    const actions = fakeActions();
    const item = submenu(find(build('linux', true, actions), '&File')).find(
      (entry) => entry.label === label,
    );
    item?.click?.(undefined as never, undefined, undefined as never);
    expect(actions[action]).toHaveBeenCalledTimes(1);
  });

  it('About runs showAbout', () => {
    const actions = fakeActions();
    const about = submenu(find(build('darwin', true, actions), 'Duedesk'))[0];
    about?.click?.(undefined as never, undefined, undefined as never);
    expect(actions.showAbout).toHaveBeenCalledTimes(1);
  });
});
