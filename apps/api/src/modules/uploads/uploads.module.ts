import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig, uploadDirOf } from '../../config/app-config';
import { PhotoUrlSigner } from './photo-url.signer';
import { LocalPhotoStorage } from './storage/local.storage';
import { PhotoStorage } from './storage/photo-storage';
import { S3PhotoStorage } from './storage/s3.storage';
import { Upload } from './upload.entity';
import { UploadsController } from './uploads.controller';
import { UploadsRepository } from './uploads.repository';
import { UploadsService } from './uploads.service';
import { UploadsSweeper } from './uploads.sweeper';

export function photoStorageFor(config: AppConfig): PhotoStorage {
  if (config.STORAGE_DRIVER === 's3') {
    return new S3PhotoStorage({
      endpoint: config.S3_ENDPOINT!,
      bucket: config.S3_BUCKET!,
      accessKey: config.S3_ACCESS_KEY!,
      secretKey: config.S3_SECRET_KEY!,
      region: config.S3_REGION,
      pathStyle: config.S3_PATH_STYLE,
    });
  }
  return new LocalPhotoStorage(uploadDirOf(config));
}

@Module({
  imports: [TypeOrmModule.forFeature([Upload])],
  controllers: [UploadsController],
  providers: [
    UploadsRepository,
    UploadsService,
    UploadsSweeper,
    { provide: PhotoStorage, useFactory: photoStorageFor, inject: [AppConfig] },
    { provide: PhotoUrlSigner, useFactory: (c: AppConfig) => new PhotoUrlSigner(c.JWT_SECRET!), inject: [AppConfig] },
  ],
  exports: [UploadsService],
})
export class UploadsModule {}
