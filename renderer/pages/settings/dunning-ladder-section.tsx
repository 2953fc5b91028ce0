import { useState, type FormEvent } from 'react';
import { ladderNames, type LadderName } from '../../../shared/dunning/dunning-ladder.ts';
import type { IpcResponse } from '../../../shared/ipc/contract.ts';
import { FormField } from '../../components/form-field.tsx';
import { useFormSave } from '../../components/use-form-save.ts';
import { useIpcQuery } from '../../data/use-ipc-query.ts';
import {
  dunningDraftFrom,
  newKey,
  newStageDraft,
  validateDunningDraft,
  type DunningDraft,
  type DunningDraftErrors,
  type StageDraft,
  type TemplateDraft,
} from './dunning-draft.ts';

type DunningView = IpcResponse<'dunning/get'>;

const ladderLabels: Readonly<Record<LadderName, string>> = {
  low: 'Low risk',
  medium: 'Medium risk',
  high: 'High risk',
  unscored: 'Not scored yet',
};

/** Renders the dunning ladder of each risk tier and the reminder templates its stages use. */
export function DunningLadderSection() {
  const { value } = useIpcQuery('dunning/get', {});
  const [status, setStatus] = useState('');
  return (
    <section aria-labelledby="dunning-heading">
      <h2 id="dunning-heading">Dunning ladders</h2>
      <p className="hint">
        Each risk tier has its own ladder of reminders, by days after an invoice’s due date
        (negative before it). A stage not marked automatic waits in the outbox for review; letters
        and calls always do.
      </p>
      {value === null ? (
        <p className="placeholder">Loading the dunning ladders…</p>
      ) : (
        // Keyed on the saved ladders, so that a save resets the editor to what was stored.
        <LadderEditor key={JSON.stringify(value.config)} view={value} onStatus={setStatus} />
      )}
      <p role="status" className="save-status">
        {status}
      </p>
    </section>
  );
}

interface LadderEditorProps {
  readonly view: DunningView;
  readonly onStatus: (status: string) => void;
}

function LadderEditor({ view, onStatus }: LadderEditorProps) {
  const [draft, setDraft] = useState<DunningDraft>(() => dunningDraftFrom(view.config));
  const [errors, setErrors] = useState<DunningDraftErrors>({});
  const { formRef, saving, showInvalid, save } = useFormSave();
  const templateIds = draft.templates.map((template) => template.id).filter(Boolean);

  const setLadder = (name: LadderName, change: (stages: StageDraft[]) => StageDraft[]) => {
    setDraft((current) => ({
      ...current,
      ladders: { ...current.ladders, [name]: change([...current.ladders[name]]) },
    }));
    onStatus('');
  };
  const setTemplates = (change: (templates: TemplateDraft[]) => TemplateDraft[]) => {
    setDraft((current) => ({ ...current, templates: change([...current.templates]) }));
    onStatus('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = validateDunningDraft(draft);
    setErrors(checked.errors ?? {});
    if (checked.config === null) {
      onStatus('The ladders were not saved: fix the fields marked.');
      showInvalid();
      return;
    }
    save('dunning/save', checked.config, () => onStatus('Saved the ladders and templates.'));
  };

  return (
    <form ref={formRef} className="ladder-editor" onSubmit={submit} noValidate>
      {ladderNames.map((name) => (
        <LadderTable
          key={name}
          name={name}
          stages={draft.ladders[name]}
          templateIds={templateIds}
          errors={errors}
          onChange={(change) => setLadder(name, change)}
        />
      ))}
      <TemplatesEditor
        templates={draft.templates}
        placeholders={view.placeholders}
        errors={errors}
        onChange={setTemplates}
      />
      <div className="button-row">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save the ladders'}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(dunningDraftFrom(view.defaults));
            setErrors({});
            onStatus('The default ladders and templates are in the editor: save to keep them.');
          }}
        >
          Restore the defaults
        </button>
      </div>
    </form>
  );
}

interface LadderTableProps {
  readonly name: LadderName;
  readonly stages: readonly StageDraft[];
  readonly templateIds: readonly string[];
  readonly errors: DunningDraftErrors;
  readonly onChange: (change: (stages: StageDraft[]) => StageDraft[]) => void;
}

function LadderTable({ name, stages, templateIds, errors, onChange }: LadderTableProps) {
  const label = ladderLabels[name];
  const edit = (index: number, changes: Partial<StageDraft>) =>
    onChange((list) => list.map((stage, at) => (at === index ? { ...stage, ...changes } : stage)));
  const move = (index: number, by: -1 | 1) =>
    onChange((list) => {
      const [stage] = list.splice(index, 1);
      if (stage !== undefined) list.splice(index + by, 0, stage);
      return list;
    });
  const ladderError = errors[`ladders.${name}`];
  return (
    <fieldset className="panel">
      <legend>{label}</legend>
      <div className="table-frame">
        <table className="figure-table ladder-table">
          <caption className="visually-hidden">Stages of the {label} ladder</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Days after due date</th>
              <th scope="col">Channel</th>
              <th scope="col">Template</th>
              <th scope="col">Fee</th>
              <th scope="col">Fee amount or %</th>
              <th scope="col">Automatic</th>
              <th scope="col">
                <span className="visually-hidden">Order and removal</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {stages.map((stage, index) => {
              const field = (key: string) => errors[`ladders.${name}.${index}.${key}`];
              const stageLabel = `${label}, ${stage.name || `stage ${index + 1}`}`;
              return (
                <tr key={stage.key}>
                  <td>
                    <CellInput
                      label={`Name, ${stageLabel}`}
                      value={stage.name}
                      error={field('name') ?? field('id')}
                      onChange={(text) => edit(index, { name: text })}
                    />
                  </td>
                  <td>
                    <CellInput
                      label={`Days after the due date, ${stageLabel}`}
                      className="offset-input"
                      value={stage.offsetDays}
                      error={field('offsetDays')}
                      onChange={(text) => edit(index, { offsetDays: text })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`Channel, ${stageLabel}`}
                      value={stage.channel}
                      onChange={(event) =>
                        edit(index, { channel: event.target.value as StageDraft['channel'] })
                      }
                    >
                      <option value="email">E-mail</option>
                      <option value="letter">Letter</option>
                      <option value="call">Call</option>
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`Template, ${stageLabel}`}
                      value={stage.templateId}
                      aria-invalid={field('templateId') ? true : undefined}
                      onChange={(event) => edit(index, { templateId: event.target.value })}
                    >
                      {!templateIds.includes(stage.templateId) && (
                        <option value={stage.templateId}>{stage.templateId} (missing)</option>
                      )}
                      {templateIds.map((id) => (
                        <option key={id} value={id}>
                          {id}
                        </option>
                      ))}
                    </select>
                    {field('templateId') && (
                      <span className="field-error">{field('templateId')}</span>
                    )}
                  </td>
                  <td>
                    <select
                      aria-label={`Fee, ${stageLabel}`}
                      value={stage.feeKind}
                      onChange={(event) =>
                        edit(index, { feeKind: event.target.value as StageDraft['feeKind'] })
                      }
                    >
                      <option value="none">None</option>
                      <option value="flat">Flat amount</option>
                      <option value="percent">Percent of the invoice</option>
                    </select>
                  </td>
                  <td>
                    {stage.feeKind !== 'none' && (
                      <CellInput
                        label={`Fee amount or percent, ${stageLabel}`}
                        value={stage.feeValue}
                        error={field('feeValue')}
                        onChange={(text) => edit(index, { feeValue: text })}
                      />
                    )}
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Automatic, ${stageLabel}`}
                      checked={stage.automatic}
                      onChange={(event) => edit(index, { automatic: event.target.checked })}
                    />
                  </td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        disabled={index === 0}
                        aria-label={`Move up, ${stageLabel}`}
                        onClick={() => move(index, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        disabled={index === stages.length - 1}
                        aria-label={`Move down, ${stageLabel}`}
                        onClick={() => move(index, 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        aria-label={`Remove, ${stageLabel}`}
                        onClick={() => onChange((list) => list.filter((_, at) => at !== index))}
                      >
                        Remove
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {ladderError && <p className="field-error">{ladderError}</p>}
      <div className="button-row">
        <button
          type="button"
          disabled={stages.length >= 12}
          onClick={() => onChange((list) => [...list, newStageDraft(list, templateIds[0] ?? '')])}
        >
          Add a stage to {label}
        </button>
      </div>
    </fieldset>
  );
}

interface CellInputProps {
  readonly label: string;
  readonly value: string;
  readonly error: string | undefined;
  readonly className?: string;
  readonly onChange: (value: string) => void;
}

/**
 * Renders a table cell's text input, named for screen readers because the cell has no label of
 * its own.
 */
function CellInput({ label, value, error, className, onChange }: CellInputProps) {
  return (
    <>
      <input
        type="text"
        aria-label={label}
        className={className}
        value={value}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error && <span className="field-error">{error}</span>}
    </>
  );
}

interface TemplatesEditorProps {
  readonly templates: readonly TemplateDraft[];
  readonly placeholders: DunningView['placeholders'];
  readonly errors: DunningDraftErrors;
  readonly onChange: (change: (templates: TemplateDraft[]) => TemplateDraft[]) => void;
}

function TemplatesEditor({ templates, placeholders, errors, onChange }: TemplatesEditorProps) {
  const edit = (index: number, changes: Partial<TemplateDraft>) =>
    onChange((list) => list.map((item, at) => (at === index ? { ...item, ...changes } : item)));
  return (
    <fieldset className="panel template-editor">
      <legend>Reminder templates</legend>
      <p className="hint">
        Placeholders in double braces are filled in when a reminder is queued; the HTML version gets
        the values escaped.
      </p>
      <ul className="placeholder-list">
        {placeholders.map((placeholder) => (
          <li key={placeholder.name}>
            <code>{`{{${placeholder.name}}}`}</code>: {placeholder.description}
          </li>
        ))}
      </ul>
      {errors.templates && <p className="field-error">{errors.templates}</p>}
      {templates.map((template, index) => {
        const field = (key: string) => errors[`templates.${index}.${key}`];
        return (
          <fieldset key={template.key} className="panel">
            <legend>{template.id || 'New template'}</legend>
            {template.isNew && (
              <FormField
                label="Id"
                hint="Lower-case letters, digits and hyphens; stages pick templates by it."
                error={field('id')}
              >
                <input
                  type="text"
                  value={template.id}
                  onChange={(event) => edit(index, { id: event.target.value })}
                />
              </FormField>
            )}
            <FormField
              label={`Subject of ${template.id || 'the new template'}`}
              error={field('subject')}
            >
              <input
                type="text"
                value={template.subject}
                onChange={(event) => edit(index, { subject: event.target.value })}
              />
            </FormField>
            <FormField label={`Text of ${template.id || 'the new template'}`} error={field('text')}>
              <textarea
                rows={8}
                value={template.text}
                onChange={(event) => edit(index, { text: event.target.value })}
              />
            </FormField>
            <FormField label={`HTML of ${template.id || 'the new template'}`} error={field('html')}>
              <textarea
                rows={5}
                value={template.html}
                onChange={(event) => edit(index, { html: event.target.value })}
              />
            </FormField>
            <div className="button-row">
              <button
                type="button"
                onClick={() => onChange((list) => list.filter((_, at) => at !== index))}
              >
                Remove the template {template.id}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="button-row">
        <button
          type="button"
          onClick={() =>
            onChange((list) => [
              ...list,
              { key: newKey(), id: '', isNew: true, subject: '', text: '', html: '' },
            ])
          }
        >
          Add a template
        </button>
      </div>
    </fieldset>
  );
}
