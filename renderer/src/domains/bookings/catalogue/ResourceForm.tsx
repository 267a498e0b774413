import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  get,
  useController,
  useFieldArray,
  useFormState,
  type Control,
  type ControllerRenderProps,
  type FieldArrayWithId,
  type FieldValues,
  type Path,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import {
  LICENCE_CLASSES,
  bookingsOperations,
  normalizePlate,
  type ResourceKind,
  type ResourceView,
} from '../../../../../shared/bookings';
import { EQUIPMENT } from '../../../../../shared/requests';
import type { Result } from '../../../../../shared/result';
import { normalizePhone } from '../../../../../shared/validation/contact';
import { call } from '../../../api/client';
import { EditableGrid, GridCell, type GridColumn } from '../../../components/EditableGrid';
import { Field, useZodForm } from '../../../components/form';
import { FormModal, useFormSubmit } from '../../../components/FormModal';
import { MoneyInput, useErrorText, useRefusal } from './common';

/** What `bookings.saveResource` takes; the form is that input, so main's field paths fit. */
export const saveResourceInput = bookingsOperations['bookings.saveResource'].input;
export type SaveResourceForm = z.input<typeof saveResourceInput>;
type ResourceIn = SaveResourceForm['resource'];
type FormOf<K extends ResourceKind> = Omit<SaveResourceForm, 'resource'> & {
  resource: Extract<ResourceIn, { kind: K }>;
};
/** The form's control seen as one kind's form (react-hook-form cannot narrow a union). */
type KindControl<K extends ResourceKind> = Control<FormOf<K>, unknown, FieldValues>;

/** A new resource of a kind: what the dialog opens with. */
export function blankResource(kind: ResourceKind): ResourceIn {
  switch (kind) {
    case 'vehicle':
      return { kind, plate: '', model: '', seats: 5 };
    case 'driver':
      return { kind, name: '', phone: '', licenceClass: 'C1' };
    case 'room':
      return { kind, name: '', place: '', capacity: 10, equipment: [] };
    case 'hotel':
      return {
        kind,
        name: '',
        star: null,
        address: '',
        phone: '',
        roomTypes: [{ name: '', priceFen: null as unknown as number }],
      };
    case 'restaurant':
      return {
        kind,
        name: '',
        address: '',
        phone: '',
        perHeadFen: null as unknown as number,
        privateRooms: [],
      };
    case 'supply':
      return { kind, name: '', unit: '', stock: 0 };
  }
}

/** 新增 / 编辑 one resource of the catalogue in a dialog. */
export function ResourceModal({
  kind,
  resource,
  onClose,
}: {
  kind: ResourceKind;
  resource: ResourceView | null;
  onClose: (saved: ResourceView | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const form = useZodForm(saveResourceInput, {
    id: resource?.id ?? null,
    version: resource?.version ?? null,
    resource: resource?.details ?? blankResource(kind),
  });
  const refusal = useRefusal();
  const save = useFormSubmit(
    form,
    async (input): Promise<Result<ResourceView | null>> => {
      const r = await call('bookings.saveResource', input);
      // Changed or gone meanwhile: say so, refresh the list and close (the next edit starts
      // from what is there now).
      if (!r.ok && !r.error.fieldErrors && ['CONFLICT', 'NOT_FOUND'].includes(r.error.code)) {
        refusal(r.error);
        onClose(null);
        return { ok: true, value: null };
      }
      return r;
    },
    {
      onOk: (saved) => {
        if (!saved) return;
        void message.success(t('common.saved'));
        onClose(saved);
      },
    },
  );
  const labels = t(`bookingsCatalogue.kinds.${kind}.${resource ? 'edit' : 'add'}`);
  return (
    <FormModal title={labels} action={save} onCancel={() => onClose(null)}>
      <KindFields kind={kind} control={form.control as unknown as Control<FieldValues>} />
    </FormModal>
  );
}

function KindFields({ kind, control }: { kind: ResourceKind; control: Control<FieldValues> }) {
  switch (kind) {
    case 'vehicle':
      return <VehicleFields control={control as unknown as KindControl<'vehicle'>} />;
    case 'driver':
      return <DriverFields control={control as unknown as KindControl<'driver'>} />;
    case 'room':
      return <RoomFields control={control as unknown as KindControl<'room'>} />;
    case 'hotel':
      return <HotelFields control={control as unknown as KindControl<'hotel'>} />;
    case 'restaurant':
      return <RestaurantFields control={control as unknown as KindControl<'restaurant'>} />;
    case 'supply':
      return <SupplyFields control={control as unknown as KindControl<'supply'>} />;
  }
}

const label = (key: string) => `bookingsCatalogue.field.${key}`;

/** A whole-number input bound to a field (empty is null, which the schema calls required). */
function Count({
  id,
  value,
  onChange,
  onBlur,
  min = 0,
  max,
  suffix,
}: {
  id: string;
  value: number | null | undefined;
  onChange: (v: number | null) => void;
  onBlur: () => void;
  min?: number;
  max: number;
  suffix?: string;
}) {
  return (
    <InputNumber<number>
      id={id}
      value={value ?? null}
      min={min}
      max={max}
      precision={0}
      suffix={suffix}
      style={{ width: '100%' }}
      onChange={(v) => onChange(v ?? null)}
      onBlur={onBlur}
    />
  );
}

function VehicleFields({ control }: { control: KindControl<'vehicle'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        control={control}
        name="resource.plate"
        label={t(label('plate'))}
        help={t(label('plateHelp'))}
        required
      >
        {(f) => (
          <Input
            {...f}
            id="resource.plate"
            autoFocus
            autoComplete="off"
            placeholder={t(label('platePlaceholder'))}
            // 京a 12345 → 京A12345: what is kept is shown as soon as the field is left.
            onBlur={() => {
              const normal = normalizePlate(f.value);
              if (normal !== f.value) f.onChange(normal);
              f.onBlur();
            }}
          />
        )}
      </Field>
      <Row gutter={16}>
        <Col span={16}>
          <Field control={control} name="resource.model" label={t(label('model'))} required>
            {(f) => <Input {...f} id="resource.model" autoComplete="off" />}
          </Field>
        </Col>
        <Col span={8}>
          <Field control={control} name="resource.seats" label={t(label('seats'))} required>
            {(f) => <Count {...f} id="resource.seats" min={1} max={60} />}
          </Field>
        </Col>
      </Row>
    </>
  );
}

/** A phone input that shows the number as kept (spaces and dashes gone) once it is left. */
function PhoneInput({
  id,
  value,
  onChange,
  onBlur,
  autoFocus,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  onBlur: () => void;
  autoFocus?: boolean;
}) {
  return (
    <Input
      id={id}
      value={value}
      autoFocus={autoFocus}
      autoComplete="off"
      inputMode="tel"
      onChange={(e) => onChange(e.target.value)}
      onBlur={() => {
        const normal = normalizePhone(value);
        if (normal !== value && normal !== '') onChange(normal);
        onBlur();
      }}
    />
  );
}

function DriverFields({ control }: { control: KindControl<'driver'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Field control={control} name="resource.name" label={t(label('name'))} required>
        {(f) => <Input {...f} id="resource.name" autoFocus autoComplete="off" />}
      </Field>
      <Row gutter={16}>
        <Col span={14}>
          <Field control={control} name="resource.phone" label={t(label('phone'))} required>
            {(f) => <PhoneInput {...f} id="resource.phone" />}
          </Field>
        </Col>
        <Col span={10}>
          <Field
            control={control}
            name="resource.licenceClass"
            label={t(label('licenceClass'))}
            required
          >
            {(f) => (
              <Select
                {...f}
                id="resource.licenceClass"
                options={LICENCE_CLASSES.map((c) => ({ value: c, label: c }))}
              />
            )}
          </Field>
        </Col>
      </Row>
    </>
  );
}

function RoomFields({ control }: { control: KindControl<'room'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Field control={control} name="resource.name" label={t(label('roomName'))} required>
        {(f) => <Input {...f} id="resource.name" autoFocus autoComplete="off" />}
      </Field>
      <Row gutter={16}>
        <Col span={14}>
          <Field control={control} name="resource.place" label={t(label('place'))}>
            {(f) => (
              <Input
                {...f}
                id="resource.place"
                autoComplete="off"
                placeholder={t(label('placePlaceholder'))}
              />
            )}
          </Field>
        </Col>
        <Col span={10}>
          <Field control={control} name="resource.capacity" label={t(label('capacity'))} required>
            {(f) => <Count {...f} id="resource.capacity" min={1} max={1000} />}
          </Field>
        </Col>
      </Row>
      <Field control={control} name="resource.equipment" label={t(label('equipment'))}>
        {(f) => (
          <Select
            {...f}
            id="resource.equipment"
            mode="multiple"
            allowClear
            options={EQUIPMENT.map((e) => ({ value: e, label: t(`labels.equipment.${e}`) }))}
          />
        )}
      </Field>
    </>
  );
}

function AddressPhone({ control }: { control: KindControl<'hotel'> | KindControl<'restaurant'> }) {
  const { t } = useTranslation();
  const c = control as KindControl<'hotel'>;
  return (
    <Row gutter={16}>
      <Col span={14}>
        <Field control={c} name="resource.address" label={t(label('address'))}>
          {(f) => <Input {...f} id="resource.address" autoComplete="off" />}
        </Field>
      </Col>
      <Col span={10}>
        <Field control={c} name="resource.phone" label={t(label('phone'))}>
          {(f) => <PhoneInput {...f} id="resource.phone" />}
        </Field>
      </Col>
    </Row>
  );
}

/** The message a list (not one of its rows) carries: "at least one room type", duplicates. */
function useListError(control: Control<FieldValues>, name: string): string | undefined {
  const { errors } = useFormState({ control, name });
  const errorText = useErrorText();
  const node = get(errors, name) as
    { message?: string; type?: string; root?: { message?: string; type?: string } } | undefined;
  return errorText(node?.message ? node : node?.root);
}

/**
 * A grid cell bound to a field of a row, whose error shows once the cell was left or the form
 * submitted. react-hook-form validates the whole list when a row is added, so a fresh row would
 * otherwise say 必填 under cells not typed in yet, and the message vanishing when the cell is
 * left would move the dialog's buttons under the pointer.
 */
function RowCell<T extends FieldValues, N extends Path<T>>({
  control,
  name,
  children,
}: {
  control: Control<T, unknown, FieldValues>;
  name: N;
  children: (field: ControllerRenderProps<T, N>, error: string | undefined) => ReactNode;
}) {
  const { field, fieldState, formState } = useController({ control, name });
  const errorText = useErrorText();
  const error =
    fieldState.isTouched || formState.isSubmitted ? errorText(fieldState.error) : undefined;
  return <GridCell error={error}>{children(field, error)}</GridCell>;
}

type RoomTypeRow = FieldArrayWithId<FormOf<'hotel'>, 'resource.roomTypes', 'key'>;

function HotelFields({ control }: { control: KindControl<'hotel'> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({
    control,
    name: 'resource.roomTypes',
    keyName: 'key',
  });
  const listError = useListError(control as unknown as Control<FieldValues>, 'resource.roomTypes');
  const add = () =>
    append(
      { name: '', priceFen: null as unknown as number },
      { focusName: `resource.roomTypes.${fields.length}.name` },
    );
  const columns: GridColumn<RoomTypeRow>[] = [
    {
      key: 'name',
      title: t(label('roomType')),
      required: true,
      render: (_, i) => (
        <RowCell control={control} name={`resource.roomTypes.${i}.name`}>
          {(f, error) => (
            <Input
              {...f}
              id={`resource.roomTypes.${i}.name`}
              size="small"
              autoComplete="off"
              status={error ? 'error' : undefined}
              aria-label={t(label('roomType'))}
            />
          )}
        </RowCell>
      ),
    },
    {
      key: 'price',
      title: t(label('pricePerNight')),
      required: true,
      width: 200,
      render: (_, i) => (
        <RowCell control={control} name={`resource.roomTypes.${i}.priceFen`}>
          {(f, error) => (
            <MoneyInput
              id={`resource.roomTypes.${i}.priceFen`}
              size="small"
              value={f.value}
              onChange={f.onChange}
              onBlur={f.onBlur}
              invalid={Boolean(error)}
              ariaLabel={t(label('pricePerNight'))}
            />
          )}
        </RowCell>
      ),
    },
  ];
  return (
    <>
      <Row gutter={16}>
        <Col span={14}>
          <Field control={control} name="resource.name" label={t(label('hotelName'))} required>
            {(f) => <Input {...f} id="resource.name" autoFocus autoComplete="off" />}
          </Field>
        </Col>
        <Col span={10}>
          <Field control={control} name="resource.star" label={t(label('star'))}>
            {(f) => (
              <Select
                {...f}
                id="resource.star"
                onChange={(v: number) => f.onChange(v === 0 ? null : v)}
                value={f.value ?? 0}
                options={[
                  { value: 0, label: t(label('starNone')) },
                  ...[5, 4, 3, 2, 1].map((n) => ({
                    value: n,
                    label: t(label('starCount'), { n }),
                  })),
                ]}
              />
            )}
          </Field>
        </Col>
      </Row>
      <AddressPhone control={control} />
      <Form.Item label={t(label('roomTypes'))} required>
        <EditableGrid<RoomTypeRow>
          rows={fields}
          rowKey="key"
          columns={columns}
          error={listError}
          rowAction={{
            icon: <DeleteOutlined />,
            danger: true,
            label: () => t(label('removeRoomType')),
            onClick: (_, i) => remove(i),
          }}
          footer={
            <Button size="small" icon={<PlusOutlined />} onClick={add}>
              {t(label('addRoomType'))}
            </Button>
          }
        />
      </Form.Item>
    </>
  );
}

type PrivateRoomRow = FieldArrayWithId<FormOf<'restaurant'>, 'resource.privateRooms', 'key'>;

function RestaurantFields({ control }: { control: KindControl<'restaurant'> }) {
  const { t } = useTranslation();
  const { fields, append, remove } = useFieldArray({
    control,
    name: 'resource.privateRooms',
    keyName: 'key',
  });
  const listError = useListError(
    control as unknown as Control<FieldValues>,
    'resource.privateRooms',
  );
  const add = () =>
    append(
      { name: '', capacity: 10 },
      { focusName: `resource.privateRooms.${fields.length}.name` },
    );
  const columns: GridColumn<PrivateRoomRow>[] = [
    {
      key: 'name',
      title: t(label('privateRoom')),
      required: true,
      render: (_, i) => (
        <RowCell control={control} name={`resource.privateRooms.${i}.name`}>
          {(f, error) => (
            <Input
              {...f}
              id={`resource.privateRooms.${i}.name`}
              size="small"
              autoComplete="off"
              status={error ? 'error' : undefined}
              aria-label={t(label('privateRoom'))}
            />
          )}
        </RowCell>
      ),
    },
    {
      key: 'capacity',
      title: t(label('privateRoomCapacity')),
      required: true,
      width: 140,
      render: (_, i) => (
        <RowCell control={control} name={`resource.privateRooms.${i}.capacity`}>
          {(f, error) => (
            <InputNumber<number>
              id={`resource.privateRooms.${i}.capacity`}
              size="small"
              value={f.value ?? null}
              min={1}
              max={200}
              precision={0}
              status={error ? 'error' : undefined}
              aria-label={t(label('privateRoomCapacity'))}
              style={{ width: '100%' }}
              onChange={(v) => f.onChange(v ?? null)}
              onBlur={f.onBlur}
            />
          )}
        </RowCell>
      ),
    },
  ];
  return (
    <>
      <Row gutter={16}>
        <Col span={14}>
          <Field control={control} name="resource.name" label={t(label('restaurantName'))} required>
            {(f) => <Input {...f} id="resource.name" autoFocus autoComplete="off" />}
          </Field>
        </Col>
        <Col span={10}>
          <Field control={control} name="resource.perHeadFen" label={t(label('perHead'))} required>
            {(f) => (
              <MoneyInput
                id="resource.perHeadFen"
                value={f.value}
                onChange={f.onChange}
                onBlur={f.onBlur}
              />
            )}
          </Field>
        </Col>
      </Row>
      <AddressPhone control={control} />
      <Form.Item label={t(label('privateRooms'))}>
        <EditableGrid<PrivateRoomRow>
          rows={fields}
          rowKey="key"
          columns={columns}
          error={listError}
          hideWhenEmpty
          rowAction={{
            icon: <DeleteOutlined />,
            danger: true,
            label: () => t(label('removePrivateRoom')),
            onClick: (_, i) => remove(i),
          }}
          footer={
            <>
              <Button size="small" icon={<PlusOutlined />} onClick={add}>
                {t(label('addPrivateRoom'))}
              </Button>
              {fields.length === 0 && (
                <Typography.Text type="secondary">{t(label('noPrivateRooms'))}</Typography.Text>
              )}
            </>
          }
        />
      </Form.Item>
    </>
  );
}

function SupplyFields({ control }: { control: KindControl<'supply'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Field control={control} name="resource.name" label={t(label('item'))} required>
        {(f) => <Input {...f} id="resource.name" autoFocus autoComplete="off" />}
      </Field>
      <Row gutter={16}>
        <Col span={12}>
          <Field control={control} name="resource.unit" label={t(label('unit'))} required>
            {(f) => (
              <Input
                {...f}
                id="resource.unit"
                autoComplete="off"
                placeholder={t(label('unitPlaceholder'))}
              />
            )}
          </Field>
        </Col>
        <Col span={12}>
          <Field control={control} name="resource.stock" label={t(label('stock'))} required>
            {(f) => <Count {...f} id="resource.stock" max={1_000_000} />}
          </Field>
        </Col>
      </Row>
    </>
  );
}
